package io.github.dockerlessons.golang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import io.github.dockerlessons.golang.GoAtoi.NumError;

/**
 * Go's strconv/quote.go: quoting ({@code Quote}, {@code QuoteToASCII}, {@code QuoteRune},
 * {@code CanBackquote}, with unicode.IsPrint) and unquoting of template literals ({@code Unquote},
 * {@code UnquoteChar}).
 *
 * <p>Go strings are bytes and Java strings are UTF-16; a string here is the UTF-8 text it would be in
 * Go, and a byte sequence that is not UTF-8 becomes U+FFFD, as a terminal shows it.
 */
public final class GoQuote {
    private static final String LOWER_HEX = "0123456789abcdef";

    private GoQuote() {
    }

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
}
