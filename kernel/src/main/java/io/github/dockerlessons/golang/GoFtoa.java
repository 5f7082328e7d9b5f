package io.github.dockerlessons.golang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's strconv.FormatFloat (strconv/ftoa.go, with the shortest digits of ftoaryu.go) for float64:
 * the formats b e E f g G x X, shortest or with a precision, as templates print numbers.
 */
public final class GoFtoa {
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final String UPPER_HEX = "0123456789ABCDEF";

    private GoFtoa() {
    }

    /** Decimal digits {@code 0.d × 10^dp}; no leading or trailing zeros; zero has no digits. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }

        char at(int i) {
            return d.charAt(i);
        }
    }

    /** strconv.FormatFloat(v, fmt, prec, 64). */
    public static String formatFloat(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        long bits = Double.doubleToRawLongBits(v);
        boolean neg = bits < 0;
        if (fmt == 'b') {
            return formatBinary(bits, neg);
        }
        if (fmt == 'x' || fmt == 'X') {
            return formatHex(bits, neg, prec, fmt);
        }
        BigDecimal exact = new BigDecimal(Math.abs(v));
        boolean shortest = prec < 0;
        Digits digits;
        if (shortest) {
            digits = shortestDigits(Math.abs(v), exact);
            switch (fmt) {
                case 'e', 'E' -> prec = Math.max(digits.nd() - 1, 0);
                case 'f' -> prec = Math.max(digits.nd() - digits.dp(), 0);
                case 'g', 'G' -> prec = digits.nd();
                default -> {
                    return "%" + fmt;
                }
            }
        } else {
            switch (fmt) {
                case 'e', 'E' -> digits = significant(exact, prec + 1);
                case 'f' -> digits = toDigits(exact.setScale(prec, RoundingMode.HALF_EVEN));
                case 'g', 'G' -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digits = significant(exact, prec);
                }
                default -> {
                    return "%" + fmt;
                }
            }
        }
        return formatDigits(shortest, neg, digits, prec, fmt);
    }

    /** The shortest decimal that reads back as the same float64, as Go's Ryu does. */
    private static Digits shortestDigits(double abs, BigDecimal exact) {
        if (abs == 0) {
            return new Digits("", 0);
        }
        for (int p = 1; p < 17; p++) {
            BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == abs) {
                return toDigits(rounded);
            }
        }
        return toDigits(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static Digits significant(BigDecimal exact, int count) {
        if (exact.signum() == 0) {
            return new Digits("", 0);
        }
        return toDigits(exact.round(new MathContext(count, RoundingMode.HALF_EVEN)));
    }

    private static Digits toDigits(BigDecimal value) {
        if (value.signum() == 0) {
            return new Digits("", 0);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int dp = digits.length() - stripped.scale();
        return new Digits(digits, dp);
    }

    private static String formatDigits(boolean shortest, boolean neg, Digits digs, int prec, char fmt) {
        switch (fmt) {
            case 'e', 'E':
                return fmtE(neg, digs, prec, fmt);
            case 'f':
                return fmtF(neg, digs, prec);
            default:
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > digs.nd()) {
                        prec = digs.nd();
                    }
                    return fmtE(neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
                }
                if (prec > digs.dp()) {
                    prec = digs.nd();
                }
                return fmtF(neg, digs, Math.max(prec - digs.dp(), 0));
        }
    }

    private static String fmtE(boolean neg, Digits d, int prec, char fmt) {
        StringBuilder out = new StringBuilder();
        if (neg) {
            out.append('-');
        }
        out.append(d.nd() == 0 ? '0' : d.at(0));
        if (prec > 0) {
            out.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                out.append(d.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                out.append('0');
            }
        }
        out.append(fmt);
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }

    private static String fmtF(boolean neg, Digits d, int prec) {
        StringBuilder out = new StringBuilder();
        if (neg) {
            out.append('-');
        }
        if (d.dp() > 0) {
            int m = Math.min(d.nd(), d.dp());
            out.append(d.d(), 0, m);
            for (; m < d.dp(); m++) {
                out.append('0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                int j = d.dp() + i;
                out.append(0 <= j && j < d.nd() ? d.at(j) : '0');
            }
        }
        return out.toString();
    }

    /** The float64's mantissa as genericFtoa unpacks it: the stored bits, with the implicit 1 unless subnormal. */
    private static long mantissa(long bits) {
        long mant = bits & ((1L << 52) - 1);
        return ((bits >>> 52) & 0x7ff) == 0 ? mant : mant | 1L << 52;
    }

    /** The float64's unbiased binary exponent as genericFtoa unpacks it (a subnormal's is that of the least normal). */
    private static int exponent(long bits) {
        int exp = (int) ((bits >>> 52) & 0x7ff);
        return (exp == 0 ? 1 : exp) - 1023;
    }

    /** %b: decimal mantissa, 'p', binary exponent ("4503599627370496p-52"). */
    private static String formatBinary(long bits, boolean neg) {
        long mant = mantissa(bits);
        int exp = exponent(bits) - 52;
        return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    /** %x: hexadecimal mantissa and binary exponent ("0x1.8p+01"). */
    private static String formatHex(long bits, boolean neg, int prec, char fmt) {
        long mant = mantissa(bits);
        int exp = exponent(bits);
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if (Long.compareUnsigned(extra | (mant & 1), 1L << 59) > 0) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? UPPER_HEX : LOWER_HEX;
        StringBuilder out = new StringBuilder();
        if (neg) {
            out.append('-');
        }
        out.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                out.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }
}
