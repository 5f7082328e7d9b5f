package io.github.dockerlessons.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Go's json.Decoder words for an engine's answer that is not JSON (issue 19), as the CLI prints them. */
class GoJsonSyntaxTest {
    private static String error(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return GoJsonSyntax.error(bytes, bytes.length, true);
    }

    @Test
    void validValuesPass() {
        assertNull(error("{\"Id\": \"abc\", \"N\": [1, -2.5e+3, true, false, null, {}, []]}"));
        assertNull(error("  [] trailing garbage the decoder never reads"));
        assertNull(error("\"a\\u00e9\\n\""));
        assertNull(error("12"));
    }

    /** json.Unmarshal, as the CLI reads a context's meta.json (its words checked with docker 28.2). */
    @Test
    void unmarshalReadsTheWholeInput() {
        assertEquals("invalid character 'x' after top-level value", unmarshal("{} x"));
        assertEquals("invalid character 'x' after top-level value", unmarshal("5 x"));
        assertEquals("invalid character ',' after top-level value", unmarshal("\"a\",1"));
        assertEquals("unexpected end of JSON input", unmarshal(""));
        assertEquals("unexpected end of JSON input", unmarshal("{\"Name\": \"odd\", \"Endpoints\": ["));
        assertEquals("invalid character '[' exceeded max depth", unmarshal("[".repeat(100_000)));
        assertNull(unmarshal(" {\"a\": [1, true]} \n"));
        assertNull(unmarshal("12"));
        assertNull(unmarshal("null\n"));
    }

    private static String unmarshal(String text) {
        return GoJsonSyntax.unmarshalError(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsInGosWords() {
        assertEquals("invalid character 'x' looking for beginning of value", error("xyz not json"));
        assertEquals("invalid character '<' looking for beginning of value", error("<html>"));
        assertEquals("unexpected EOF", error("{\"Id\": \"abc\", \"Name\": "));
        assertEquals("EOF", error("  "));
        assertEquals("invalid character '}' looking for beginning of object key string", error("{\"a\":1,}"));
        assertEquals("invalid character ']' looking for beginning of value", error("[1,]"));
        assertEquals("invalid character 'x' after object key", error("{\"a\"x"));
        assertEquals("invalid character 'x' after object key:value pair", error("{\"a\":1x"));
        assertEquals("invalid character 'x' after array element", error("[1x"));
        assertEquals("invalid character '\\n' in string literal", error("\"a\nb\""));
        assertEquals("invalid character 'q' in string escape code", error("\"\\q\""));
        assertEquals("invalid character 'a' in literal true (expecting 'r')", error("ta"));
        assertEquals("invalid character 'x' in numeric literal", error("-x"));
        assertEquals("invalid character 'x' after decimal point in numeric literal", error("1.x"));
        assertEquals("invalid character 'x' in exponent of numeric literal", error("1ex"));
        assertEquals("invalid character '\\'' looking for beginning of value", error("'a'"));
    }

    @Test
    void theBeginningOfAnAnswerIsNoErrorWhereItStops() {
        byte[] head = "[{\"Id\": \"a".getBytes(StandardCharsets.UTF_8);
        assertNull(GoJsonSyntax.error(head, head.length, false));
    }
}
