package io.github.dockerlessons.render;

import io.github.dockerlessons.api.ImageSummary;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Repository names as the CLI shows them (reference.FamiliarName), whatever form the engine answers in. */
class ImageFieldsTest {
    @Test
    void podmansFullNamesAreShownShort() throws Exception {
        ImageSummary image = ImageSummary.parse("""
                {"Id":"sha256:0f7ee3a061d6d9384b88c287b693cf48480204238350acf5d7f6bb593b30f6b6","Created":1,"Size":5,
                 "RepoTags":["docker.io/library/lesson6-hello:latest","localhost/busybox:latest",
                             "docker.io/someone/app:1","localhost:5000/x:v2","busybox:musl"]}""");
        List<FieldContext> rows = ImageFields.of(image, true, Instant.ofEpochSecond(100));
        assertEquals(List.of("lesson6-hello latest", "localhost/busybox latest", "someone/app 1", "localhost:5000/x v2",
                        "busybox musl"),
                rows.stream().map(ImageFieldsTest::repositoryAndTag).toList());
    }

    private static String repositoryAndTag(FieldContext row) {
        JsonObject json = JsonParser.parseString(row.marshalJson()).getAsJsonObject();
        return json.get("Repository").getAsString() + " " + json.get("Tag").getAsString();
    }
}
