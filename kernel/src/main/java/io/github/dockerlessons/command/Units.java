package io.github.dockerlessons.command;

import io.github.dockerlessons.command.flags.FlagType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats docker's flags share, read in one place: sizes as go-units reads them
 * ({@code 64m}, {@code 1.5g}, binary multiples) and labels ({@code key=value}, a bare key meaning an
 * empty value).
 */
public final class Units {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    /** go-units' RAMInBytes: "64m" is 64 MiB; the error is go-units' own. */
    public static long ramInBytes(String text) throws FlagType.InvalidValue {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new FlagType.InvalidValue("invalid size: '" + text + "'");
        }
        double size;
        try {
            size = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new FlagType.InvalidValue("invalid size: '" + text + "'");
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase();
        long multiplier = switch (unit) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            case "t" -> 1L << 40;
            case "p" -> 1L << 50;
            default -> 1;
        };
        return (long) (size * multiplier);
    }

    /** A flag type holding a size in bytes ("bytes" in help), read by {@link #ramInBytes}. */
    public static final FlagType<Long> BYTES = FlagType.single("bytes", Units::ramInBytes);

    /** {@code key=value} labels as docker reads them: the last value of a key wins, a bare key is "". */
    public static Map<String, String> labels(List<String> given) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String label : given) {
            int eq = label.indexOf('=');
            labels.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        return labels;
    }

    private Units() {
    }
}
