package io.github.dockerlessons.render.template;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Go's fmt. docker-cli-printf.jsonl holds what the docker CLI 28.2 (Go 1.24) printed for
 * {@code {{printf FORMAT VALUE}}} over every verb (v d s q x X o O b c U e E f F g G t T), the flags
 * (+ - space # 0 and pairs), widths and precisions, and 19 values of every kind, plus formats with
 * {@code *}, argument indexes and mistakes over a few argument lists; it was made by running those
 * templates through {@code docker context ls --format}. Each is checked against
 * {@link GoFormat#sprintf} with the same values.
 */
class GoFormatTest {
    /** The template literals of the file's first line, as the values the executor gives printf. */
    private static final Map<String, Object> VALUES = values();

    private static Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("42", 42L);
        v.put("-7", -7L);
        v.put("0", 0L);
        v.put("3.14159", 3.14159);
        v.put("-0.5", -0.5);
        v.put("1e21", 1e21);
        v.put("1e-7", 1e-7);
        v.put("255.0", 255.0);
        v.put("\"héllo\"", "héllo");
        v.put("\"\"", "");
        v.put("\"a\\\"b\\x0a\"", "a\"b\n");
        v.put("true", true);
        v.put("'x'", 120L);
        v.put("(split \"a,b\" \",\")", GoSlice.strings(List.of("a", "b")));
        v.put("nil", null);
        v.put("1+2i", new GoValues.Complex(1, 2));
        v.put("9223372036854775807", Long.MAX_VALUE);
        v.put(".Current", true);
        v.put(".Name", "default");
        return v;
    }

    private static final Map<String, List<Object>> ARGS = Map.of(
            "5 42", List.of(5L, 42L), "\"x\" 42", List.of("x", 42L), "2 3.14159", List.of(2L, 3.14159),
            "1 2", List.of(1L, 2L), "", List.of());

    @TestFactory
    Stream<DynamicTest> sameAsGo() throws IOException {
        List<JsonObject> lines = DockerCliTemplatesTest.cases("docker-cli-printf.jsonl");
        JsonObject header = lines.get(0);
        List<String> values = new ArrayList<>();
        header.getAsJsonArray("values").forEach(e -> values.add(e.getAsString()));
        List<String> argLists = new ArrayList<>();
        header.getAsJsonArray("extraArgs").forEach(e -> argLists.add(e.getAsString()));
        return lines.subList(1, lines.size()).stream().map(line -> DynamicTest.dynamicTest(
                line.get("format").getAsString(), () -> {
                    String format = line.get("format").getAsString();
                    JsonArray outs = line.getAsJsonArray("out");
                    boolean perValue = outs.size() == values.size();
                    for (int i = 0; i < outs.size(); i++) {
                        List<Object> args;
                        String label;
                        if (perValue) {
                            args = new ArrayList<>(Arrays.asList(VALUES.get(values.get(i))));
                            label = values.get(i);
                        } else {
                            args = ARGS.get(argLists.get(i));
                            label = argLists.get(i);
                        }
                        assertEquals(outs.get(i).getAsString(), GoFormat.sprintf(format, args),
                                "printf \"" + format + "\" " + label);
                    }
                }));
    }

    @Test
    void mapsPrintSortedAndNestedNilsAsNil() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("b", 2L);
        entries.put("a", GoSlice.strings(List.of("x", "y")));
        entries.put("c", null);
        GoMap map = GoMap.of(GoType.ANY_MAP, entries);
        assertEquals("map[a:[x y] b:2 c:<nil>]", GoFormat.print(map));
        assertEquals("map[]", GoFormat.print(GoMap.nil(GoType.STRING_MAP)));
        assertEquals("map[string]string(nil)", GoFormat.sprintf("%#v", List.of(GoMap.nil(GoType.STRING_MAP))));
        assertEquals("[]", GoFormat.print(GoSlice.nil(GoType.STRING_SLICE)));
        assertEquals("[]string(nil)", GoFormat.sprintf("%#v", List.of(GoSlice.nil(GoType.STRING_SLICE))));
        assertEquals("[%!d(string=x) %!d(string=y)]", GoFormat.sprintf("%d", List.of(GoSlice.strings(List.of("x", "y")))));
    }

    @Test
    void structsPrintTheirFieldValues() {
        GoStruct policy = new GoStruct(GoType.struct("container.RestartPolicy"),
                List.of(GoStruct.Field.of("Name", "no"), GoStruct.Field.of("MaximumRetryCount", 0L)));
        assertEquals("{no 0}", GoFormat.print(policy));
        assertEquals("{Name:no MaximumRetryCount:0}", GoFormat.sprintf("%+v", List.of(policy)));
        assertEquals("container.RestartPolicy{Name:\"no\", MaximumRetryCount:0}", GoFormat.sprintf("%#v", List.of(policy)));
    }

    @Test
    void invalidValueIsNoValueOnlyAtTheTop() {
        assertEquals("<no value>", GoFormat.print(null));
        assertEquals("<nil>", GoFormat.sprint(Arrays.asList((Object) null)));
        assertEquals("%!s(<nil>)", GoFormat.sprintf("%s", Arrays.asList((Object) null)));
        assertEquals("<nil>", GoFormat.print(new GoValues.Nil(GoType.pointer("formatter.Platform"), true)));
        assertEquals("<nil>", GoFormat.sprintf("%s", List.of(new GoValues.Nil(GoType.pointer("formatter.Platform"), true))));
    }

    @Test
    void printSpacesOperandsWhenNeitherIsAString() {
        assertEquals("1 2", GoFormat.sprint(List.of(1L, 2L)));
        assertEquals("ab", GoFormat.sprint(List.of("a", "b")));
        assertEquals("a1 2b", GoFormat.sprint(List.of("a", 1L, 2L, "b")));
        assertEquals("1 a true\n", GoFormat.sprintln(List.of(1L, "a", true)));
    }
}
