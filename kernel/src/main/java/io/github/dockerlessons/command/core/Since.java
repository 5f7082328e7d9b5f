package io.github.dockerlessons.command.core;

import io.github.dockerlessons.golang.GoTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code --since}/{@code --until} values as the CLI reads them: a Go duration before now ("10m", "1h30m",
 * ".5s"), RFC 3339, a date or date and time without a zone (the local one), or Unix seconds.
 */
public final class Since {
    private Since() {
    }

    /** The moment as Unix seconds, or throws IllegalArgumentException naming the value. */
    public static long epochSeconds(String value, Clock clock) {
        String v = value.strip();
        if (v.matches("\\d+(\\.\\d+)?")) {
            return (long) Double.parseDouble(v);
        }
        try {
            return Instant.now(clock).minus(Duration.ofNanos(GoTime.parseDuration(v))).getEpochSecond();
        } catch (GoTime.InvalidDuration notADuration) {
            // then a moment, as the CLI's timetypes.GetTimestamp tries them in turn
        }
        try {
            return OffsetDateTime.parse(v).toEpochSecond();
        } catch (DateTimeParseException e) {
            // then the CLI's layouts without a zone, read in the local one: 2006-01-02, 2006-01-02T15, ...T15:04[:05]
        }
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay(clock.getZone()).toEpochSecond();
            }
            String local = v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}") ? v + ":00" : v;
            return LocalDateTime.parse(local).atZone(clock.getZone()).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value);
        }
    }
}
