package io.github.dockerlessons.engine;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A typed name survives both ways docker-java builds a path, and reaches the engine as typed. */
class PathEscapingHttpClientTest {
    private static String throughTemplate(String value) {
        // docker-java's template escaper percent-encodes what a path segment cannot hold.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void plainNamesAreLeftAlone() {
        assertEquals("redis-server_1.x", PathEscapingHttpClient.standIns("redis-server_1.x"));
        assertEquals("/containers/web/json", PathEscapingHttpClient.restore("/containers/web/json"));
    }

    @Test
    void concatenatedNamesArriveEncoded() {
        for (String name : new String[]{"a$b", "x\\y", "a b", "a%b", "a#b", "a?b", "{{x}}", "q$1"}) {
            String path = "/containers/" + PathEscapingHttpClient.standIns(name) + "/json";
            assertEquals("/containers/" + throughTemplate(name) + "/json", PathEscapingHttpClient.restore(path), name);
        }
    }

    @Test
    void templatedNamesArriveEncodedOnce() {
        for (String name : new String[]{"a$b", "x\\y", "a b", "a%b"}) {
            String path = "/containers/" + throughTemplate(PathEscapingHttpClient.standIns(name)) + "/logs";
            assertEquals("/containers/" + throughTemplate(name) + "/logs", PathEscapingHttpClient.restore(path), name);
        }
    }

    @Test
    void nonAsciiPassesThrough() {
        assertEquals("이름", PathEscapingHttpClient.standIns("이름"));
    }
}
