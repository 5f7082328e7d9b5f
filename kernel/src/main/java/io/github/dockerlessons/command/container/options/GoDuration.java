package io.github.dockerlessons.command.container.options;

import io.github.dockerlessons.command.flags.FlagType;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Go's time.ParseDuration, as pflag's duration flags read "30s", "1m30s", "500ms", with Go's errors
 * ({@code time: missing unit in duration "5"}). The value is in nanoseconds, as the engine takes it.
 */
public final class GoDuration {
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    /** The flag type "duration". */
    public static final FlagType<Long> TYPE = FlagType.single("duration", GoDuration::parse);

    private GoDuration() {
    }

    public static long parse(String text) throws FlagType.InvalidValue {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (!s.isEmpty()) {
            int i = 0;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(0, i);
            if (number.isEmpty() || number.equals(".") || number.chars().filter(c -> c == '.').count() > 1) {
                throw invalid(text);
            }
            s = s.substring(i);
            int j = 0;
            while (j < s.length() && !Character.isDigit(s.charAt(j)) && s.charAt(j) != '.') {
                j++;
            }
            String unit = s.substring(0, j);
            if (unit.isEmpty()) {
                throw new FlagType.InvalidValue("time: missing unit in duration " + FlagType.quote(text));
            }
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new FlagType.InvalidValue("time: unknown unit " + FlagType.quote(unit) + " in duration "
                        + FlagType.quote(text));
            }
            s = s.substring(j);
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(scale)));
        }
        if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(text);
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }

    private static FlagType.InvalidValue invalid(String text) {
        return new FlagType.InvalidValue("time: invalid duration " + FlagType.quote(text));
    }
}
