package io.github.dockerlessons.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --since}/{@code --until} values as the CLI reads them: "10m", "1h30m", RFC 3339 or Unix seconds. */
public final class Since {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private Since() {
    }

    /** The moment as Unix seconds, or throws IllegalArgumentException naming the value. */
    public static long epochSeconds(String value, Clock clock) {
        String v = value.strip();
        if (v.matches("\\d+(\\.\\d+)?")) {
            return (long) Double.parseDouble(v);
        }
        Matcher m = DURATION.matcher(v);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            long nanos = switch (m.group(2)) {
                case "ns" -> (long) amount;
                case "us", "µs" -> (long) (amount * 1e3);
                case "ms" -> (long) (amount * 1e6);
                case "s" -> (long) (amount * 1e9);
                case "m" -> (long) (amount * 60e9);
                default -> (long) (amount * 3600e9);
            };
            total = total.plusNanos(nanos);
            end = m.end();
        }
        if (end == v.length() && end > 0) {
            return Instant.now(clock).minus(total).getEpochSecond();
        }
        try {
            return OffsetDateTime.parse(v).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value);
        }
    }
}
