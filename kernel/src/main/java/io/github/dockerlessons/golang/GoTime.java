package io.github.dockerlessons.golang;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code time.ParseDuration} (src/time/format.go), step for step: an optional sign, then one or
 * more decimal numbers each with an optional fraction and a unit (ns, us, µs (U+00B5), μs (U+03BC),
 * ms, s, m, h), "0" alone; Go's unsigned overflow checks; and Go's error words, the text quoted as
 * the time package quotes it (a non-ASCII or control character as the \x escapes of its UTF-8 bytes).
 */
public final class GoTime {
    private static final long NANOSECOND = 1L;
    private static final long MICROSECOND = 1_000L * NANOSECOND;
    private static final long MILLISECOND = 1_000L * MICROSECOND;
    private static final long SECOND = 1_000L * MILLISECOND;
    private static final long MINUTE = 60L * SECOND;
    private static final long HOUR = 60L * MINUTE;
    /** 1<<63 as Go's uint64 holds it; compared with {@link Long#compareUnsigned}. */
    private static final long TWO_TO_63 = Long.MIN_VALUE;

    /** A text Go's time.ParseDuration refuses; the message is Go's error, word for word. */
    public static final class InvalidDuration extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidDuration(String message) {
            super(message);
        }
    }

    private GoTime() {
    }

    /**
     * Go's {@code time.Duration.String}: "1h2m3.5s", "1m30s", "0s", and below a second "1.5ms", "100µs", "7ns"
     * (how Compose prints a healthcheck's interval or a stop grace period).
     */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < SECOND) {
            long unit = u < MICROSECOND ? NANOSECOND : u < MILLISECOND ? MICROSECOND : MILLISECOND;
            String name = unit == NANOSECOND ? "ns" : unit == MICROSECOND ? "µs" : "ms";
            return sign + fraction(u, unit) + name;
        }
        StringBuilder out = new StringBuilder(sign);
        if (u >= HOUR) {
            out.append(u / HOUR).append('h');
        }
        if (u >= MINUTE) {
            out.append(u % HOUR / MINUTE).append('m');
        }
        return out.append(fraction(u % MINUTE, SECOND)).append('s').toString();
    }

    /** value/unit with the fraction's trailing zeros dropped ("1.5", "3"). */
    private static String fraction(long value, long unit) {
        String whole = Long.toString(value / unit);
        long rest = value % unit;
        if (rest == 0) {
            return whole;
        }
        String digits = Long.toString(unit + rest).substring(1).replaceAll("0+$", "");
        return whole + "." + digits;
    }

    /** The duration in nanoseconds, or throws {@link InvalidDuration} with Go's message. */
    public static long parseDuration(String s) {
        String orig = s;
        long d = 0; // uint64
        boolean neg = false;
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '-' || c == '+') {
                neg = c == '-';
                s = s.substring(1);
            }
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(orig);
        }
        while (!s.isEmpty()) {
            long v; // integers before the point, uint64
            long f = 0; // digits after the point, uint64
            double scale = 1; // value = v + f/scale
            char first = s.charAt(0);
            if (!(first == '.' || isDigit(first))) {
                throw invalid(orig);
            }
            int i = 0;
            v = 0;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
                    throw invalid(orig);
                }
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, TWO_TO_63) > 0) {
                    throw invalid(orig);
                }
            }
            boolean pre = i > 0;
            s = s.substring(i);
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                // Go's leadingFraction: past what a uint64 holds it stops adding precision, not an error.
                boolean overflow = false;
                int j = 0;
                for (; j < s.length() && isDigit(s.charAt(j)); j++) {
                    if (overflow) {
                        continue;
                    }
                    if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long y = f * 10 + (s.charAt(j) - '0');
                    if (Long.compareUnsigned(y, TWO_TO_63) > 0) {
                        overflow = true;
                        continue;
                    }
                    f = y;
                    scale *= 10;
                }
                post = j > 0;
                s = s.substring(j);
            }
            if (!pre && !post) {
                throw invalid(orig); // no digits, e.g. ".s" or "-.s"
            }
            int u = 0;
            for (; u < s.length(); u++) {
                char c = s.charAt(u);
                if (c == '.' || isDigit(c)) {
                    break;
                }
            }
            if (u == 0) {
                throw new InvalidDuration("time: missing unit in duration " + quote(orig));
            }
            String name = s.substring(0, u);
            s = s.substring(u);
            long unit = unit(name);
            if (unit == 0) {
                throw new InvalidDuration("time: unknown unit " + quote(name) + " in duration " + quote(orig));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
                throw invalid(orig);
            }
            v *= unit;
            if (f != 0) {
                // float64 is needed to be nanosecond accurate for fractions of hours; at most 3.6e12.
                v += (long) (unsignedToDouble(f) * ((double) unit / scale));
                if (Long.compareUnsigned(v, TWO_TO_63) > 0) {
                    throw invalid(orig);
                }
            }
            d += v;
            if (Long.compareUnsigned(d, TWO_TO_63) > 0) {
                throw invalid(orig);
            }
        }
        if (neg) {
            return -d;
        }
        if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
            throw invalid(orig);
        }
        return d;
    }

    private static long unit(String name) {
        return switch (name) {
            case "ns" -> NANOSECOND;
            case "us", "\u00b5s", "\u03bcs" -> MICROSECOND;
            case "ms" -> MILLISECOND;
            case "s" -> SECOND;
            case "m" -> MINUTE;
            case "h" -> HOUR;
            default -> 0;
        };
    }

    /** Go compares bytes with '0' and '9': only ASCII digits count. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double unsignedToDouble(long x) {
        return x >= 0 ? (double) x : Double.parseDouble(Long.toUnsignedString(x));
    }

    private static InvalidDuration invalid(String orig) {
        return new InvalidDuration("time: invalid duration " + quote(orig));
    }

    /**
     * The time package's own quote (not strconv.Quote): printable ASCII as it is with {@code "} and
     * {@code \} escaped, anything else as the \x escapes of its UTF-8 bytes.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int width = Character.charCount(c);
            if (c >= 0x80 || c < ' ') {
                String rune = (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                        ? "\ufffd" : s.substring(i, i + width);
                for (byte b : rune.getBytes(StandardCharsets.UTF_8)) {
                    out.append("\\x").append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
                }
            } else {
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append((char) c);
            }
            i += width;
        }
        return out.append('"').toString();
    }
}
