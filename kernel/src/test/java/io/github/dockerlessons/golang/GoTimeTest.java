package io.github.dockerlessons.golang;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GoTime.parseDuration against Go's own tables (src/time/time_test.go: parseDurationTests, parseDurationErrorTests). */
class GoTimeTest {
    private static final long NS = 1, US = 1_000, MS = 1_000_000, S = 1_000_000_000L, M = 60 * S, H = 60 * M;

    private static final Object[][] GO_CASES = {
            // simple
            {"0", 0L}, {"5s", 5 * S}, {"30s", 30 * S}, {"1478s", 1478 * S},
            // sign
            {"-5s", -5 * S}, {"+5s", 5 * S}, {"-0", 0L}, {"+0", 0L},
            // decimal
            {"5.0s", 5 * S}, {"5.6s", 5 * S + 600 * MS}, {"5.s", 5 * S}, {".5s", 500 * MS}, {"1.0s", 1 * S},
            {"1.00s", 1 * S}, {"1.004s", 1 * S + 4 * MS}, {"1.0040s", 1 * S + 4 * MS}, {"100.00100s", 100 * S + 1 * MS},
            // different units
            {"10ns", 10 * NS}, {"11us", 11 * US}, {"12\u00b5s", 12 * US}, {"12\u03bcs", 12 * US}, {"13ms", 13 * MS},
            {"14s", 14 * S}, {"15m", 15 * M}, {"16h", 16 * H},
            // composite durations
            {"3h30m", 3 * H + 30 * M}, {"10.5s4m", 4 * M + 10 * S + 500 * MS}, {"-2m3.4s", -(2 * M + 3 * S + 400 * MS)},
            {"1h2m3s4ms5us6ns", 1 * H + 2 * M + 3 * S + 4 * MS + 5 * US + 6 * NS},
            {"39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS},
            // large value
            {"52763797000ns", 52763797000L * NS},
            // more than 9 digits after decimal point, golang.org/issue/6617
            {"0.3333333333333333333h", 20 * M},
            // 1<<53+1 cannot be stored precisely in a float64
            {"9007199254740993ns", (1L << 53) + 1},
            // largest duration that int64 holds in nanoseconds
            {"9223372036854775807ns", Long.MAX_VALUE}, {"9223372036854775.807us", Long.MAX_VALUE},
            {"9223372036s854ms775us807ns", Long.MAX_VALUE}, {"-9223372036854775808ns", Long.MIN_VALUE},
            {"-9223372036854775.808us", Long.MIN_VALUE}, {"-9223372036s854ms775us808ns", Long.MIN_VALUE},
            // largest negative round trip value, golang.org/issue/48629
            {"-2562047h47m16.854775808s", Long.MIN_VALUE},
            // huge string, golang.org/issue/15011
            {"0.100000000000000000000h", 6 * M},
            // the first overflow check in leadingFraction
            {"0.830103483285477580700h", 49 * M + 48 * S + 372539827 * NS},
    };

    /** Go checks that the error contains the quoted text; these are the whole messages Go prints. */
    private static final String[][] GO_ERRORS = {
            {"", "time: invalid duration \"\""},
            {"3", "time: missing unit in duration \"3\""},
            {"-", "time: invalid duration \"-\""},
            {"s", "time: invalid duration \"s\""},
            {".", "time: invalid duration \".\""},
            {"-.", "time: invalid duration \"-.\""},
            {".s", "time: invalid duration \".s\""},
            {"+.s", "time: invalid duration \"+.s\""},
            {"1d", "time: unknown unit \"d\" in duration \"1d\""},
            {"\ufffd", "time: invalid duration \"\\xef\\xbf\\xbd\""},
            {"\ufffd hello \ufffd world", "time: invalid duration \"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world\""},
            // overflow
            {"9223372036854775810ns", "time: invalid duration \"9223372036854775810ns\""},
            {"9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\""},
            {"9223372036854775.808us", "time: invalid duration \"9223372036854775.808us\""},
            {"9223372036854ms775us808ns", "time: invalid duration \"9223372036854ms775us808ns\""},
            // beyond Go's table: the unit and a non-ASCII unit as Go quotes them
            {"1\u00b5", "time: unknown unit \"\\xc2\\xb5\" in duration \"1\\xc2\\xb5\""},
            {"5q", "time: unknown unit \"q\" in duration \"5q\""},
            {"1\"s", "time: unknown unit \"\\\"s\" in duration \"1\\\"s\""},
            {"\uff11s", "time: invalid duration \"\\xef\\xbc\\x91s\""},
    };

    @Test
    void goParseDurationTests() {
        for (Object[] c : GO_CASES) {
            assertEquals((long) c[1], GoTime.parseDuration((String) c[0]), (String) c[0]);
        }
    }

    @Test
    void goParseDurationErrorTests() {
        for (String[] c : GO_ERRORS) {
            GoTime.InvalidDuration e = assertThrows(GoTime.InvalidDuration.class, () -> GoTime.parseDuration(c[0]), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
    }

    @Property
    void nanosecondsReadBack(@ForAll long nanos) {
        assertEquals(nanos, GoTime.parseDuration(nanos + "ns"));
    }

    @Property
    void secondsWithMilliseconds(@ForAll @LongRange(min = 0, max = 9_000_000_000L) long seconds,
                                 @ForAll @IntRange(min = 0, max = 999) int millis) {
        String text = seconds + "." + String.format("%03d", millis) + "s";
        assertEquals(seconds * S + millis * MS, GoTime.parseDuration(text));
        assertEquals(-(seconds * S + millis * MS), GoTime.parseDuration("-" + text));
    }

    @Property
    void anyTextIsADurationOrGosError(@ForAll String text) {
        try {
            GoTime.parseDuration(text);
        } catch (GoTime.InvalidDuration e) {
            assertTrue(e.getMessage().startsWith("time: "), e.getMessage());
        }
    }
}
