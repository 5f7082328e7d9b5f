package io.github.dockerlessons.golang;

import io.github.dockerlessons.command.flags.FlagType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Go's strconv parsers for base-10 numbers, with their exact errors, as docker's flag values and
 * option fields are read ({@code strconv.ParseUint: parsing "x": invalid syntax}).
 */
public final class GoNumbers {
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[+-]?(\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("[+-]?\\d+");

    private GoNumbers() {
    }

    /** strconv.ParseFloat(text, 64), decimal forms and inf/nan. */
    public static double parseFloat(String text) throws FlagType.InvalidValue {
        String lower = text.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        if (lower.equals("inf") || lower.equals("infinity")) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!DECIMAL_FLOAT.matcher(text).matches()) {
            throw syntax("ParseFloat", text);
        }
        return Double.parseDouble(text.replace("_", ""));
    }

    /**
     * strconv.ParseFloat(text, 32), as docker's floatValue reads a flag: a finite value past float32's
     * range is Go's "value out of range"; inf and nan are taken.
     */
    public static float parseFloat32(String text) throws FlagType.InvalidValue {
        double value = parseFloat(text);
        if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
            throw range("ParseFloat", text);
        }
        return (float) value;
    }

    /** strconv.ParseUint(text, 10, bits). */
    public static long parseUint(String text, int bits) throws FlagType.InvalidValue {
        if (!DIGITS.matcher(text).matches() || text.startsWith("-") || text.startsWith("+")) {
            throw syntax("ParseUint", text);
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > Math.min(bits, 63)) {
            throw range("ParseUint", text);
        }
        return value.longValue();
    }

    /** strconv.ParseInt(text, 10, bits). */
    public static long parseInt(String text, int bits) throws FlagType.InvalidValue {
        return parseInt("ParseInt", text, bits);
    }

    /** strconv.Atoi(text). */
    public static int atoi(String text) throws FlagType.InvalidValue {
        return (int) parseInt("Atoi", text, 32);
    }

    private static long parseInt(String function, String text, int bits) throws FlagType.InvalidValue {
        if (!DIGITS.matcher(text).matches()) {
            throw syntax(function, text);
        }
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > bits - 1) {
            throw range(function, text);
        }
        return value.longValue();
    }

    /** A plain decimal as Go's big.Rat.SetString takes one ("1.5", "3/2", "1e3"), or null. */
    public static BigDecimal rational(String text) {
        try {
            int slash = text.indexOf('/');
            if (slash >= 0) {
                BigDecimal numerator = new BigDecimal(new BigInteger(text.substring(0, slash)));
                BigDecimal denominator = new BigDecimal(new BigInteger(text.substring(slash + 1)));
                return denominator.signum() == 0 ? null
                        : numerator.divide(denominator, MathContext.DECIMAL128);
            }
            return new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static FlagType.InvalidValue syntax(String function, String text) {
        return new FlagType.InvalidValue("strconv." + function + ": parsing " + FlagType.quote(text) + ": invalid syntax");
    }

    private static FlagType.InvalidValue range(String function, String text) {
        return new FlagType.InvalidValue("strconv." + function + ": parsing " + FlagType.quote(text) + ": value out of range");
    }
}
