package io.github.dockerlessons.golang;

import java.time.Duration;

/**
 * The few Go library functions whose output users see in docker's tables, reproduced to the
 * character: go-units' {@code HumanDuration} and {@code HumanSizeWithPrecision}, docker's
 * {@code Ellipsis} and Go's {@code strconv.Quote}.
 */
public final class GoText {
    private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private GoText() {
    }

    /** go-units HumanDuration: "Less than a second", "About a minute", "3 hours", ... */
    public static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        // Seconds, not nanoseconds: a duration past Go's 292 years would overflow toNanos().
        double exactHours = d.getSeconds() / 3600.0 + d.getNano() / 3.6e12;
        long hours = (long) (exactHours + 0.5);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return (long) exactHours / 24 / 365 + " years";
    }

    /** go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits. */
    public static String humanSize(double size) {
        return humanSize(size, 3);
    }

    /** go-units HumanSizeWithPrecision; HumanSize itself is precision 4 ({@code system df}). */
    public static String humanSize(double size, int precision) {
        int unit = 0;
        while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        return formatG(size, precision) + DECIMAL_UNITS[unit];
    }

    /** go-units BytesSize: binary units, up to four significant digits ("1.234MiB", "23.47GiB"). */
    public static String binarySize(double size) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int unit = 0;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return formatG(size, 4) + units[unit];
    }

    /** Go's {@code %.Ng}: shortest form with N significant digits, exponent form for large or tiny. */
    public static String formatG(double value, int precision) {
        return GoFtoa.formatFloat(value, 'g', precision);
    }

    /**
     * docker's formatter.Ellipsis: cuts text wider than {@code maxWidth} display columns so that it
     * fits with a trailing "…".
     */
    public static String ellipsis(String s, int maxWidth) {
        if (maxWidth <= 0) {
            return "";
        }
        int[] cps = s.codePoints().toArray();
        if (maxWidth == 1) {
            return cps.length == 0 ? "" : new String(cps, 0, 1);
        }
        if (DisplayWidth.of(s) <= maxWidth) {
            return s;
        }
        int width = 1; // the ellipsis itself
        for (int i = 0; i < cps.length; i++) {
            int w = DisplayWidth.of(cps[i]);
            if (width + w > maxWidth) {
                return new String(cps, 0, i) + "…";
            }
            width += w;
        }
        return s;
    }

    /** Go's strconv.Quote: double quotes, backslash escapes, printable Unicode kept as is. */
    public static String quote(String s) {
        return GoQuote.quote(s);
    }
}
