package io.github.dockerlessons.render.template;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Go's builtins and docker's functions, called directly. */
class FunctionsTest {
    @Test
    void dockerFunctions() throws GoFunction.Failure {
        assertEquals("Hello World-Foo Bar_baz", DockerFunctions.title("hello world-foo bar_baz"));
        assertEquals("", DockerFunctions.pad("", 2, 2));
        assertEquals("  x ", DockerFunctions.pad("x", 2, 1));
        assertEquals("abc", DockerFunctions.truncate("abcdef", 3));
        assertEquals("h\uFFFD", DockerFunctions.truncate("héllo", 2));
        assertEquals(GoSlice.strings(List.of("a", "", "b")), DockerFunctions.split("a,,b", ","));
        assertEquals(GoSlice.strings(List.of("h", "é")), DockerFunctions.split("hé", ""));
        assertEquals("ÀBC", DockerFunctions.mapRunes("àbc", true));
        assertEquals("strings: negative Repeat count",
                assertThrows(GoFunction.Failure.class, () -> DockerFunctions.pad("x", -1, 0)).getMessage());
    }

    @Test
    void jsonIsGosEncoderWithHtmlEscapingOff() throws GoFunction.Failure {
        assertEquals("[\"FOO=bar\"]", GoJson.marshal(GoSlice.strings(List.of("FOO=bar")), false));
        assertEquals("\"a<b>&\"", GoJson.marshal("a<b>&", false));
        assertEquals("\"a\\u003cb\\u003e\\u0026\"", GoJson.marshal("a<b>&", true));
        assertEquals("\"\\b\\f\\n\\u0001\\u2028é\"", GoJson.marshal("\b\f\n\u0001\u2028é", false));
        assertEquals("{\"a\":1,\"b\":[1.5,null,true]}", GoJson.marshal(GoValues.of(Map.of("b",
                Arrays.asList(1.5, null, true), "a", 1)), false));
        assertEquals("1e+21 1e-7 100000000000000000000 -0", GoJson.marshal(1e21, false) + " " + GoJson.marshal(1e-7, false)
                + " " + GoJson.marshal(1e20, false) + " " + GoJson.marshal(-0.0, false));
        assertEquals("json: unsupported value: NaN",
                assertThrows(GoFunction.Failure.class, () -> GoJson.marshal(Double.NaN, false)).getMessage());
    }

    @Test
    void comparisons() throws GoFunction.Failure {
        assertTrue(Builtins.eq(1L, List.of(2L, 1L)));
        assertFalse(Builtins.eq("a", Arrays.asList((Object) null)));
        assertTrue(Builtins.eq(null, Arrays.asList((Object) null)));
        assertEquals("incompatible types for comparison",
                assertThrows(GoFunction.Failure.class, () -> Builtins.eq(1L, List.of("a"))).getMessage());
        assertTrue(Builtins.lt("a", "b"));
        assertTrue(Builtins.le(2L, 2L));
        assertEquals("invalid type for comparison",
                assertThrows(GoFunction.Failure.class, () -> Builtins.lt(true, false)).getMessage());
        assertEquals("incompatible types for comparison",
                assertThrows(GoFunction.Failure.class, () -> Builtins.lt(1L, 1.5)).getMessage());
    }

    @Test
    void indexSliceAndLenWorkOnBytesOfStrings() throws GoFunction.Failure {
        assertEquals(new GoValues.Int(GoType.UINT8, 98), Builtins.index("abc", List.of(1L)));
        assertEquals("é", Builtins.slice("héllo", List.of(1L, 3L)));
        assertEquals(6L, Builtins.length("héllo"));
        assertEquals("index out of range: 5",
                assertThrows(GoFunction.Failure.class, () -> Builtins.index("abc", List.of(5L))).getMessage());
        assertEquals("reflect: slice index out of range", assertThrows(GoFunction.Failure.class,
                () -> Builtins.index(GoSlice.strings(List.of("a")), List.of(1L))).getMessage());
        assertEquals("", Builtins.index(GoMap.of(GoType.STRING_MAP, Map.of()), List.of("x")));
        assertEquals(null, Builtins.index(GoMap.of(GoType.ANY_MAP, Map.of()), List.of("x")));
    }

    @Test
    void escapers() {
        assertEquals("&lt;a href=&#39;x&#39;&gt;&amp;&#34;", Builtins.htmlEscape("<a href='x'>&\""));
        assertEquals("a\\'b\\\"c\\u003C\\u003E\\u0026\\u003D\\u000A", Builtins.jsEscape("a'b\"c<>&=\n"));
        assertEquals("a+b%26c%3Dd%2F%C3%A9~_.-", Builtins.queryEscape("a b&c=d/é~_.-"));
    }
}
