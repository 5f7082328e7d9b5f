package io.github.dockerlessons.api;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageSummaryTest {
    @Test
    void readsTheFieldsTheTablesShow() {
        ImageSummary image = ImageSummary.parse("""
                {"Id":"sha256:ae5d","RepoTags":["busybox:latest"],"RepoDigests":["busybox@sha256:29"],"Created":5,
                 "Size":1981234,"SharedSize":-1,"Containers":2,"Labels":{"lesson":"1"}}""");
        assertEquals("sha256:ae5d", image.getId());
        assertArrayEquals(new String[]{"busybox:latest"}, image.getRepoTags());
        assertArrayEquals(new String[]{"busybox@sha256:29"}, image.getRepoDigests());
        assertEquals(5L, image.getCreated());
        assertEquals(1981234L, image.getSize());
        assertEquals(-1L, image.getSharedSize());
        assertEquals(2, image.getContainers());
        assertEquals(Map.of("lesson", "1"), image.getLabels());
    }

    @Test
    void nullFieldsStayNullAndWrongTypesAreTheWrongShape() {
        ImageSummary image = ImageSummary.parse("{\"Id\":\"x\",\"RepoTags\":null}");
        assertNull(image.getRepoTags());
        assertNull(image.getContainers());
        for (String wrong : List.of("[{\"Id\":[]}]", "[{\"Id\":12}]", "[{\"Id\":\"a\",\"Size\":\"big\"}]",
                "[{\"Id\":\"a\",\"RepoTags\":\"a\"}]", "[{\"Id\":\"a\",\"RepoTags\":[1]}]", "[{}]")) {
            assertThrows(JsonParseException.class, () -> ImageSummary.listing(JsonParser.parseString(wrong)), wrong);
        }
    }
}
