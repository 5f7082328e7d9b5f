package io.github.dockerlessons.golang;

import io.github.dockerlessons.golang.GoAtoi.NumError;

/**
 * Go's strconv/atof.go: {@code ParseFloat(s, 64)} for the literals the template lexer admits (decimal
 * or hexadecimal), with atoi.go's underscore rule.
 */
public final class GoAtof {
    private GoAtof() {
    }

    /** strconv.ParseFloat(s, 64) for the literals the template lexer admits (decimal or hex). */
    public static double parseFloat(String s) throws NumError {
        boolean neg = s.startsWith("-");
        String text = GoAtoi.unsigned(s);
        if (!GoAtoi.underscoresOk(text)) {
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
