package io.github.dockerlessons.golang;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoStrconvTest {
    @Test
    void shortestFloatsReadBackAsTheSameNumber() {
        assertEquals("0.1", GoFtoa.formatFloat(0.1, 'g', -1));
        assertEquals("0.30000000000000004", GoFtoa.formatFloat(0.1 + 0.2, 'g', -1));
        assertEquals("4.261574e+06", GoFtoa.formatFloat(4261574, 'g', -1));
        assertEquals("123456", GoFtoa.formatFloat(123456, 'g', -1));
        assertEquals("5e-324", GoFtoa.formatFloat(Double.MIN_VALUE, 'g', -1));
        assertEquals("1.7976931348623157e+308", GoFtoa.formatFloat(Double.MAX_VALUE, 'g', -1));
        assertEquals("-0", GoFtoa.formatFloat(-0.0, 'g', -1));
        assertEquals("+Inf NaN", GoFtoa.formatFloat(Double.POSITIVE_INFINITY, 'g', -1) + " "
                + GoFtoa.formatFloat(Double.NaN, 'g', -1));
    }

    @Test
    void fixedPrecisionRoundsHalfToEven() {
        assertEquals("0 2 2 0.2", GoFtoa.formatFloat(0.5, 'f', 0) + " " + GoFtoa.formatFloat(1.5, 'f', 0) + " "
                + GoFtoa.formatFloat(2.5, 'f', 0) + " " + GoFtoa.formatFloat(0.25, 'f', 1));
        assertEquals("1.23e+03", GoFtoa.formatFloat(1234.5678, 'e', 2));
        assertEquals("1.2e+04", GoFtoa.formatFloat(12345.678, 'g', 2));
        assertEquals("4503599627370496p-52", GoFtoa.formatFloat(1.0, 'b', -1));
        assertEquals("0x1.cp+01", GoFtoa.formatFloat(3.5, 'x', -1));
    }

    @Test
    void quoting() {
        assertEquals("\"a\\tb\\\"\\u00a0é😀\\x01\"", GoQuote.quote("a\tb\"\u00a0é😀\u0001"));
        assertEquals("\"h\\u00e9\\U0001f600\"", GoQuote.quoteToASCII("hé😀"));
        assertEquals("'\\''", GoQuote.quoteRune('\''));
    }

    @Test
    void literals() throws GoAtoi.NumError {
        assertEquals("AéA😀\n", GoQuote.unquote("\"\\x41\\u00e9\\101\\U0001F600\\n\""));
        assertEquals("a\\nb", GoQuote.unquote("`a\\nb`"));
        assertEquals("invalid syntax", assertThrows(GoAtoi.NumError.class, () -> GoQuote.unquote("\"\\z\"")).getMessage());
        assertEquals('\n', GoQuote.unquoteChar("'\\n'"));
        assertEquals(31L, GoAtoi.parseInt("0x1_F"));
        assertEquals(15L, GoAtoi.parseInt("017"));
        assertEquals(5L, GoAtoi.parseInt("0b101"));
        assertThrows(GoAtoi.NumError.class, () -> GoAtoi.parseInt("1__0"));
        assertEquals(0.25, GoAtof.parseFloat("0x1p-2"));
    }

    @Test
    void binaryAndHexFormsUnpackNormalAndSubnormalFloats() {
        assertEquals("4503599627370496p-52", GoFtoa.formatFloat(1.0, 'b', -1));
        assertEquals("1p-1074", GoFtoa.formatFloat(Double.MIN_VALUE, 'b', -1));
        assertEquals("0x1.8p+00", GoFtoa.formatFloat(1.5, 'x', -1));
        assertEquals("0x1p-1074", GoFtoa.formatFloat(Double.MIN_VALUE, 'x', -1));
        assertEquals("-0X1.00P+01", GoFtoa.formatFloat(-2.0, 'X', 2));
    }
}
