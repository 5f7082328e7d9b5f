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
}
