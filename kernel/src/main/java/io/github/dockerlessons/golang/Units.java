package io.github.dockerlessons.golang;

import io.github.dockerlessons.command.flags.FlagType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value formats docker's flags share, read in one place: sizes as go-units reads them
 * ({@code 64m}, {@code 1.5g}, binary multiples) and labels ({@code key=value}, a bare key meaning an
 * empty value).
 */
public final class Units {
    /**
     * go-units' RAMInBytes: "64m" is 64 MiB, "1.5g", "512 KiB", "100" bytes; the errors are
     * go-units' own ("invalid size: 'x'", "invalid suffix: 'q'").
     */
    public static long ramInBytes(String text) throws FlagType.InvalidValue {
        int sep = -1;
        for (int i = text.length() - 1; i >= 0; i--) {
            if ("01234567890. ".indexOf(text.charAt(i)) >= 0) {
                sep = i;
                break;
            }
        }
        if (sep < 0) {
            throw new FlagType.InvalidValue("invalid size: '" + text + "'");
        }
        String number = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
        String suffix = text.substring(sep + 1);
        double size = GoNumbers.parseFloat(number);
        if (size < 0) {
            throw new FlagType.InvalidValue("invalid size: '" + text + "'");
        }
        if (suffix.isEmpty()) {
            return (long) size;
        }
        String lower = suffix.toLowerCase(Locale.ROOT);
        long multiplier = switch (lower.charAt(0)) {
            case 'b' -> lower.length() == 1 ? 1 : 0;
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            case 'p' -> 1L << 50;
            default -> 0;
        };
        boolean tail = lower.length() == 1 || (lower.length() == 2 && lower.charAt(1) == 'b')
                || (lower.length() == 3 && lower.endsWith("ib"));
        if (multiplier == 0 || lower.length() > 3 || (lower.charAt(0) != 'b' && !tail)) {
            throw new FlagType.InvalidValue("invalid suffix: '" + lower + "'");
        }
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
