package io.github.dockerlessons.golang;

import java.math.BigInteger;

/**
 * Go's strconv/atoi.go for number literals: {@code ParseInt} and {@code ParseUint} with base 0 (sign,
 * base prefix, underscores between digits) and the {@code NumError} that all of strconv's parsers
 * throw. The base-10 parsers for flag values, with the flags' own error, are {@link GoNumbers}.
 */
public final class GoAtoi {
    private GoAtoi() {
    }

    /** A syntax or range error, worded as strconv's errors are. */
    public static final class NumError extends Exception {
        public NumError(String message) {
            super(message);
        }
    }

    /** strconv.ParseInt(s, 0, 64): sign, base prefix (0x 0o 0b 0), underscores between digits. */
    public static long parseInt(String s) throws NumError {
        BigInteger value = parseInteger(s);
        if (value.bitLength() > 63) {
            throw new NumError("value out of range");
        }
        return value.longValue();
    }

    /** strconv.ParseUint(s, 0, 64), returned as the unsigned bits of a long. */
    public static long parseUint(String s) throws NumError {
        if (s.startsWith("-") || s.startsWith("+")) {
            throw new NumError("invalid syntax");
        }
        BigInteger value = parseInteger(s);
        if (value.bitLength() > 64) {
            throw new NumError("value out of range");
        }
        return value.longValue();
    }

    private static BigInteger parseInteger(String s) throws NumError {
        boolean neg = s.startsWith("-");
        String text = unsigned(s);
        int base = 10;
        boolean prefixed = false;
        if (text.length() > 1 && text.charAt(0) == '0') {
            char p = Character.toLowerCase(text.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                text = text.substring(2);
                prefixed = true;
            } else {
                base = 8;
                text = text.substring(1);
                prefixed = true;
            }
        }
        if (!underscoresOk((prefixed ? "0x" : "") + text)) {
            throw new NumError("invalid syntax");
        }
        String digits = text.replace("_", "");
        if (digits.isEmpty()) {
            if (base == 8 && !s.matches("[+-]?0[oO].*")) {
                return BigInteger.ZERO; // "0" itself
            }
            throw new NumError("invalid syntax");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), base) < 0) {
                throw new NumError("invalid syntax");
            }
        }
        BigInteger value = new BigInteger(digits, base);
        return neg ? value.negate() : value;
    }

    /** The text after its sign, if it has one ('+' or '-'), as ParseInt and ParseFloat both read it. */
    static String unsigned(String s) {
        return s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    }

    /** Go's underscoreOK: underscores only between digits or after a base prefix. */
    static boolean underscoresOk(String s) {
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                hex = p == 'x';
                i = 2;
                saw = '0';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
