package io.github.dockerlessons.golang;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoStrconvTest {
    @Test
    void shortestFloatsReadBackAsTheSameNumber() {
        assertEquals("0.1", GoStrconv.formatFloat(0.1, 'g', -1));
        assertEquals("0.30000000000000004", GoStrconv.formatFloat(0.1 + 0.2, 'g', -1));
        assertEquals("4.261574e+06", GoStrconv.formatFloat(4261574, 'g', -1));
        assertEquals("123456", GoStrconv.formatFloat(123456, 'g', -1));
        assertEquals("5e-324", GoStrconv.formatFloat(Double.MIN_VALUE, 'g', -1));
        assertEquals("1.7976931348623157e+308", GoStrconv.formatFloat(Double.MAX_VALUE, 'g', -1));
        assertEquals("-0", GoStrconv.formatFloat(-0.0, 'g', -1));
        assertEquals("+Inf NaN", GoStrconv.formatFloat(Double.POSITIVE_INFINITY, 'g', -1) + " "
                + GoStrconv.formatFloat(Double.NaN, 'g', -1));
    }

    @Test
    void fixedPrecisionRoundsHalfToEven() {
        assertEquals("0 2 2 0.2", GoStrconv.formatFloat(0.5, 'f', 0) + " " + GoStrconv.formatFloat(1.5, 'f', 0) + " "
                + GoStrconv.formatFloat(2.5, 'f', 0) + " " + GoStrconv.formatFloat(0.25, 'f', 1));
        assertEquals("1.23e+03", GoStrconv.formatFloat(1234.5678, 'e', 2));
        assertEquals("1.2e+04", GoStrconv.formatFloat(12345.678, 'g', 2));
        assertEquals("4503599627370496p-52", GoStrconv.formatFloat(1.0, 'b', -1));
        assertEquals("0x1.cp+01", GoStrconv.formatFloat(3.5, 'x', -1));
    }

    @Test
    void quoting() {
        assertEquals("\"a\\tb\\\"\\u00a0é😀\\x01\"", GoStrconv.quote("a\tb\"\u00a0é😀\u0001"));
        assertEquals("\"h\\u00e9\\U0001f600\"", GoStrconv.quoteToASCII("hé😀"));
        assertEquals("'\\''", GoStrconv.quoteRune('\''));
    }

    @Test
    void literals() throws GoStrconv.NumError {
        assertEquals("AéA😀\n", GoStrconv.unquote("\"\\x41\\u00e9\\101\\U0001F600\\n\""));
        assertEquals("a\\nb", GoStrconv.unquote("`a\\nb`"));
        assertEquals("invalid syntax", assertThrows(GoStrconv.NumError.class, () -> GoStrconv.unquote("\"\\z\"")).getMessage());
        assertEquals('\n', GoStrconv.unquoteChar("'\\n'"));
        assertEquals(31L, GoStrconv.parseInt("0x1_F"));
        assertEquals(15L, GoStrconv.parseInt("017"));
        assertEquals(5L, GoStrconv.parseInt("0b101"));
        assertThrows(GoStrconv.NumError.class, () -> GoStrconv.parseInt("1__0"));
        assertEquals(0.25, GoStrconv.parseFloat("0x1p-2"));
    }
}
