package io.github.dockerlessons.golang;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's strconv that templates reach: float formatting ({@code FormatFloat} with the
 * formats b e E f g G x X, shortest or with a precision), quoting ({@code Quote}, {@code QuoteToASCII},
 * {@code QuoteRune}, {@code CanBackquote}) and unquoting of template literals ({@code Unquote},
 * {@code UnquoteChar}) and of number literals ({@code ParseInt} and {@code ParseFloat} with base 0).
 *
 * <p>Go strings are bytes and Java strings are UTF-16; a string here is the UTF-8 text it would be in
 * Go, and a byte sequence that is not UTF-8 becomes U+FFFD, as a terminal shows it.
 */
public final class GoStrconv {
    private static final String LOWER_HEX = "0123456789abcdef";
    private static final String UPPER_HEX = "0123456789ABCDEF";

    private GoStrconv() {
    }

    /** A syntax or range error, worded as strconv's errors are. */
    public static final class NumError extends Exception {
        public NumError(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ floats

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

    /** %b: decimal mantissa, 'p', binary exponent ("4503599627370496p-52"). */
    private static String formatBinary(long bits, boolean neg) {
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023 - 52;
        return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    /** %x: hexadecimal mantissa and binary exponent ("0x1.8p+01"). */
    private static String formatHex(long bits, boolean neg, int prec, char fmt) {
        int exp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023;
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

    // ------------------------------------------------------------------ quoting

    /** strconv.Quote. */
    public static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** strconv.QuoteToASCII. */
    public static String quoteToASCII(String s) {
        return quoteWith(s, '"', true);
    }

    /** strconv.QuoteRune (a value above U+10FFFF or a surrogate becomes U+FFFD). */
    public static String quoteRune(long r) {
        return quoteWith(new String(Character.toChars(validRune(r))), '\'', false);
    }

    /** strconv.QuoteRuneToASCII. */
    public static String quoteRuneToASCII(long r) {
        return quoteWith(new String(Character.toChars(validRune(r))), '\'', true);
    }

    public static int validRune(long r) {
        if (r < 0 || r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF)) {
            return 0xFFFD;
        }
        return (int) r;
    }

    private static String quoteWith(String s, char quote, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(r -> appendEscapedRune(out, r, quote, asciiOnly));
        return out.append(quote).toString();
    }

    private static void appendEscapedRune(StringBuilder out, int r, char quote, boolean asciiOnly) {
        if (r == quote || r == '\\') {
            out.append('\\').appendCodePoint(r);
            return;
        }
        if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
            out.appendCodePoint(r);
            return;
        }
        switch (r) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    out.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 15));
                } else if (r < 0x10000) {
                    out.append("\\u");
                    appendHex(out, r, 4);
                } else {
                    out.append("\\U");
                    appendHex(out, r, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder out, int r, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(LOWER_HEX.charAt((r >> shift) & 15));
        }
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        if (r == 0xFFFD) {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** strconv.CanBackquote: one line, no backquote, no control character but tab. */
    public static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '`' || r == 0xFEFF) {
                return false;
            }
            if (r < ' ' && r != '\t' || r == 0x7f) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ unquoting

    /** strconv.Unquote for a "double-quoted" or `raw` template literal. */
    public static String unquote(String quoted) throws NumError {
        int n = quoted.length();
        if (n < 2) {
            throw new NumError("invalid syntax");
        }
        char quote = quoted.charAt(0);
        if (quote != quoted.charAt(n - 1)) {
            throw new NumError("invalid syntax");
        }
        String body = quoted.substring(1, n - 1);
        if (quote == '`') {
            if (body.indexOf('`') >= 0) {
                throw new NumError("invalid syntax");
            }
            return body.replace("\r", "");
        }
        if (quote != '"') {
            throw new NumError("invalid syntax");
        }
        if (body.indexOf('\n') >= 0) {
            throw new NumError("invalid syntax");
        }
        // Escapes may spell bytes (\xff, \377); they are gathered as bytes and decoded as UTF-8.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        int[] at = {0};
        while (at[0] < body.length()) {
            char c = body.charAt(at[0]);
            if (c == '"') {
                throw new NumError("invalid syntax");
            }
            if (c != '\\') {
                int cp = body.codePointAt(at[0]);
                at[0] += Character.charCount(cp);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            unquoteEscape(body, at, '"', bytes);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A character constant such as {@code 'a'} or {@code '\n'}: its code point (Go's UnquoteChar, then the tail check). */
    public static int unquoteChar(String text) throws NumError {
        String s = text.substring(1);
        if (s.isEmpty() || s.charAt(0) == '\'') {
            throw new NumError("invalid syntax");
        }
        int[] at = {0};
        int value;
        if (s.charAt(0) == '\\') {
            value = unquoteEscape(s, at, '\'', new ByteArrayOutputStream());
        } else {
            value = s.codePointAt(0);
            at[0] = Character.charCount(value);
        }
        if (!s.substring(at[0]).equals("'")) {
            throw new NumError("malformed character constant: " + text);
        }
        return value;
    }

    /** One escape at {@code at[0]} (a backslash); writes its UTF-8 bytes and returns its value. */
    private static int unquoteEscape(String s, int[] at, char quote, ByteArrayOutputStream out)
            throws NumError {
        int i = at[0] + 1;
        if (i >= s.length()) {
            throw new NumError("invalid syntax");
        }
        char c = s.charAt(i++);
        int value;
        switch (c) {
            case 'a' -> value = 7;
            case 'b' -> value = '\b';
            case 'f' -> value = '\f';
            case 'n' -> value = '\n';
            case 'r' -> value = '\r';
            case 't' -> value = '\t';
            case 'v' -> value = 11;
            case '\\' -> value = '\\';
            case '\'', '"' -> {
                if (c != quote) {
                    throw new NumError("invalid syntax");
                }
                value = c;
            }
            case 'x', 'u', 'U' -> {
                int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + digits > s.length()) {
                    throw new NumError("invalid syntax");
                }
                long v = 0;
                for (int k = 0; k < digits; k++) {
                    int d = Character.digit(s.charAt(i + k), 16);
                    if (d < 0) {
                        throw new NumError("invalid syntax");
                    }
                    v = v * 16 + d;
                }
                i += digits;
                if (c == 'x') {
                    at[0] = i;
                    out.write((int) v);
                    return (int) v;
                }
                if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                    throw new NumError("invalid syntax");
                }
                value = (int) v;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                if (i + 2 > s.length()) {
                    throw new NumError("invalid syntax");
                }
                int v = c - '0';
                for (int k = 0; k < 2; k++) {
                    int d = s.charAt(i + k) - '0';
                    if (d < 0 || d > 7) {
                        throw new NumError("invalid syntax");
                    }
                    v = v * 8 + d;
                }
                if (v > 255) {
                    throw new NumError("invalid syntax");
                }
                i += 2;
                at[0] = i;
                out.write(v);
                return v;
            }
            default -> throw new NumError("invalid syntax");
        }
        at[0] = i;
        out.writeBytes(new String(Character.toChars(value)).getBytes(StandardCharsets.UTF_8));
        return value;
    }

    // ------------------------------------------------------------------ number literals

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
        String text = s;
        boolean neg = false;
        if (text.startsWith("+") || text.startsWith("-")) {
            neg = text.charAt(0) == '-';
            text = text.substring(1);
        }
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

    /** Go's underscoreOK: underscores only between digits or after a base prefix. */
    private static boolean underscoresOk(String s) {
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

    /** strconv.ParseFloat(s, 64) for the literals the template lexer admits (decimal or hex). */
    public static double parseFloat(String s) throws NumError {
        String text = s;
        boolean neg = false;
        if (text.startsWith("+") || text.startsWith("-")) {
            neg = text.charAt(0) == '-';
            text = text.substring(1);
        }
        if (!underscoresOk(text)) {
            throw new NumError("invalid syntax");
        }
        text = text.replace("_", "");
        double value;
        try {
            if (text.length() > 2 && text.charAt(0) == '0' && Character.toLowerCase(text.charAt(1)) == 'x') {
                if (text.toLowerCase().indexOf('p') < 0) {
                    throw new NumError("invalid syntax");
                }
                value = Double.parseDouble("0x" + text.substring(2));
            } else {
                if (!text.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumError("invalid syntax");
                }
                value = Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw new NumError("invalid syntax");
        }
        if (Double.isInfinite(value)) {
            throw new NumError("value out of range");
        }
        return neg ? -value : value;
    }
}
