package io.github.dockerlessons.command.core;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --since/--until: a duration is Go's time.ParseDuration (issue 22: ".5s" was refused, Go takes it). */
class SinceTest {
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC);

    @Test
    void durationsAreGoDurationsBeforeNow() {
        assertEquals(1_000_000 - 600, Since.epochSeconds("10m", NOW));
        assertEquals(1_000_000 - 5400, Since.epochSeconds("1h30m", NOW));
        assertEquals(1_000_000 - 1, Since.epochSeconds(".5s", NOW)); // 999999.5 floors, as Go's Unix() does
        assertEquals(1_000_000 - 1, Since.epochSeconds("1\u03bcs", NOW));
        assertEquals(1_000_000 + 300, Since.epochSeconds("-5m", NOW));
    }

    @Test
    void momentsAndUnixSeconds() {
        assertEquals(0, Since.epochSeconds("0", NOW));
        assertEquals(1_700_000_000, Since.epochSeconds("1700000000", NOW));
        assertEquals(1_700_000_000, Since.epochSeconds("1700000000.5", NOW));
        assertEquals(1_700_000_000, Since.epochSeconds("2023-11-14T22:13:20Z", NOW));
        assertEquals("yesterday", assertThrows(IllegalArgumentException.class,
                () -> Since.epochSeconds("yesterday", NOW)).getMessage());
        assertEquals("5", String.valueOf(Since.epochSeconds("5", NOW)));
    }
    /** The CLI's layouts without a zone are read in the local one (issue 23: logs --until 2099-01-01). */
    @Test
    void datesAndTimesWithoutAZoneAreLocal() {
        Clock seoul = Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.ofHours(9));
        assertEquals(4_070_908_800L - 9 * 3600, Since.epochSeconds("2099-01-01", seoul));
        assertEquals(1_700_000_000L - 9 * 3600, Since.epochSeconds("2023-11-14T22:13:20", seoul));
        assertEquals(1_699_999_980L - 9 * 3600, Since.epochSeconds("2023-11-14T22:13", seoul));
        assertEquals(1_699_999_200L - 9 * 3600, Since.epochSeconds("2023-11-14T22", seoul));
        assertThrows(IllegalArgumentException.class, () -> Since.epochSeconds("2023-13-01", seoul));
    }
}
