package io.github.dockerlessons.golang;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonIndentTest {
    @Test
    void indentsLikeGoKeepingEscapesAndEmpties() {
        assertEquals("[\n    {\n        \"A\": \"x\\u003cy\",\n        \"B\": [],\n        \"C\": {},\n        \"D\": [\n            1,\n            2\n        ]\n    }\n]",
                JsonIndent.indent("[{\"A\":\"x\\u003cy\",\"B\":[],\"C\":{},\"D\":[1,2]}]", "", "    "));
        assertEquals("[]", JsonIndent.indent("[]", "", "    "));
    }

    @Test
    void stringsPassAsTheyAreWithTheirEscapesAndStructuralCharacters() {
        String json = "{\"k, {x}\":\"a \\\" [b]: c\\\\\"}";
        assertEquals("{\n  \"k, {x}\": \"a \\\" [b]: c\\\\\"\n}", JsonIndent.indent(json, "", "  "));
        assertEquals(json, JsonIndent.compact(JsonIndent.indent(json, "", "  ")));
        assertEquals("{\"a\":[1,\" x \"]}", JsonIndent.compact(" {\n \"a\" : [ 1 ,\t\" x \" ] }\r\n"));
    }
}
