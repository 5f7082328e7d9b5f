package io.github.dockerlessons.render.template;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Templates whose expected output was printed by the docker CLI 28.2 (Go 1.24's text/template and
 * fmt) on this machine, through {@code docker context ls --format TEMPLATE}, which runs a template
 * over one context (Name "default", Current true, ...) with docker's functions, and needs no engine.
 * The file docker-cli-templates.jsonl holds one case a line: the template, stdout, stderr, status.
 * It was made with: for each template, {@code DOCKER_CONFIG=<empty dir> docker context ls --format T}.
 * Here the same template runs through {@link GoTemplate} over an object with the same methods.
 */
class DockerCliTemplatesTest {
    /** docker's *formatter.clientContextContext for the default context; it is an error type (Error()). */
    static final class ClientContext implements TemplateObject {
        private static final Map<String, Object> METHODS = Map.of("Name", "default", "Description",
                "Current DOCKER_HOST based configuration", "DockerEndpoint", "unix:///var/run/docker.sock",
                "Current", true, "Error", "");

        @Override
        public GoType type() {
            return GoType.pointer("formatter.clientContextContext");
        }

        @Override
        public GoFunction method(String name) {
            Object value = METHODS.get(name);
            return value == null ? null : GoFunction.of(name, args -> value);
        }

        @Override
        public String marshalJson() {
            return "{\"Current\":true,\"Description\":\"Current DOCKER_HOST based configuration\","
                    + "\"DockerEndpoint\":\"unix:///var/run/docker.sock\",\"Error\":\"\",\"Name\":\"default\"}";
        }

        @Override
        public String string() {
            return ""; // Error()
        }
    }

    /** What {@code docker context ls --format} prints for one context: stdout, stderr, status. */
    static String[] contextLs(String format) {
        String text = format;
        if (text.startsWith("table")) {
            text = text.substring(5);
        } else if (text.equals("json")) {
            text = "{{json .}}";
        }
        text = text.replaceAll("^ +| +$", "").replace("\\t", "\t").replace("\\n", "\n");
        try {
            String out = GoTemplate.parse(text).execute(new ClientContext());
            return new String[]{out + "\n", "", "0"};
        } catch (TemplateException e) {
            return new String[]{"", "template parsing error: " + e.getMessage() + "\n", "1"};
        }
    }

    static List<JsonObject> cases(String resource) throws IOException {
        List<JsonObject> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DockerCliTemplatesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    cases.add(JsonParser.parseString(line).getAsJsonObject());
                }
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> sameOutputAsTheDockerCli() throws IOException {
        return cases("docker-cli-templates.jsonl").stream().map(c -> DynamicTest.dynamicTest(
                c.get("template").getAsString(), () -> {
                    String expected = c.get("stdout").getAsString() + "|" + c.get("stderr").getAsString() + "|"
                            + c.get("status").getAsInt();
                    // Go prints a struct behind a pointer with the addresses of its own pointers.
                    assumeFalse(expected.contains("0xc0"), "output holds Go memory addresses");
                    String[] actual = contextLs(c.get("template").getAsString());
                    assertEquals(expected, actual[0] + "|" + actual[1] + "|" + actual[2]);
                }));
    }
}
