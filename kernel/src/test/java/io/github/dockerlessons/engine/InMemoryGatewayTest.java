package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonParser;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway over a daemon in memory runs the gateway's own code, not a copy of it: the session's
 * labels reach a create request, a refusal comes back in the daemon's words, names are escaped, an
 * answer that is not JSON is said in Go's words, and no socket is opened for attach.
 */
class InMemoryGatewayTest {
    @TempDir
    Path home;

    private EngineGateway gateway(FakeDaemon daemon) {
        return EngineGateway.inMemory(new EngineDiscovery(new LocalMachine(Map.of("DOCKER_HOST", "unix:///fake.sock"),
                home, OperatingSystem.LINUX, OptionalInt.empty(), p -> false)), daemon);
    }

    @Test
    void theGatewaysLabelsEscapingAndTranslationApply() throws Exception {
        FakeDaemon daemon = new FakeDaemon()
                .on("POST", "/containers/create", FakeDaemon.json(201, "{\"Id\":\"abc\",\"Warnings\":[]}"))
                .on("GET", "/containers/*/json", FakeDaemon.error(404, "No such container: a b"))
                .on("GET", "/info", FakeDaemon.json(200, "{\"ID\": oops}"));
        try (EngineGateway gateway = gateway(daemon)) {
            gateway.labelCreations(Map.of("io.github.dockerlessons.session", "s1"));
            gateway.requestJson(DockerHttpClient.Request.Method.POST, "/containers/create",
                    JsonParser.parseString("{\"Image\":\"busybox\"}"));
            assertTrue(daemon.requests().get(0).body().contains("\"io.github.dockerlessons.session\":\"s1\""),
                    daemon.requests().get(0).body());

            DaemonError refused = assertThrows(DaemonError.class,
                    () -> gateway.call(c -> c.inspectContainerCmd("a b").exec(), Duration.ofSeconds(5)));
            assertEquals("No such container: a b", refused.getMessage());
            assertEquals("/containers/a%20b/json", daemon.requests().get(1).path());

            EngineAnswerInvalid invalid = assertThrows(EngineAnswerInvalid.class,
                    () -> gateway.requestJson(DockerHttpClient.Request.Method.GET, "/info"));
            assertTrue(invalid.getMessage().startsWith("invalid character 'o'"), invalid.getMessage());

            assertNull(gateway.hijack("/containers/abc/attach", "", false));
        }
    }
}
