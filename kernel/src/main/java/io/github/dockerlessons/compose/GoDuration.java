package io.github.dockerlessons.compose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time.ParseDuration ("1m30s", "500ms", "10s"), as Compose reads stop_grace_period. */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    static double parseSeconds(String text) {
        String rest = text;
        double sign = 1;
        if (rest.startsWith("-") || rest.startsWith("+")) {
            sign = rest.startsWith("-") ? -1 : 1;
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return 0;
        }
        Matcher m = PART.matcher(rest);
        double seconds = 0;
        int at = 0;
        while (at < rest.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
            }
            double value = Double.parseDouble(m.group(1));
            seconds += value * switch (m.group(2)) {
                case "ns" -> 1e-9;
                case "us", "µs" -> 1e-6;
                case "ms" -> 1e-3;
                case "s" -> 1;
                case "m" -> 60;
                default -> 3600;
            };
            at = m.end();
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
        }
        return sign * seconds;
    }
}
