package io.github.dockerlessons.engine;

import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the gateway says before any engine is involved: unsupported schemes and broken configurations. */
class EngineGatewayTest {
    @TempDir
    Path home;

    private EngineGateway gateway(Map<String, String> env) {
        return new EngineGateway(new EngineDiscovery(new LocalMachine(env, home, OperatingSystem.LINUX, OptionalInt.empty(),
                p -> false)), e -> new SocketProbe.Result(false, "no such file or directory"));
    }

    @Test
    void sshIsRefusedWithoutConnecting() {
        EngineUnreachable e = assertThrows(EngineUnreachable.class,
                () -> gateway(Map.of("DOCKER_HOST", "ssh://me@build-server")).call(c -> c.pingCmd().exec(), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().startsWith("Cannot connect to the Docker daemon at ssh://me@build-server. "
                + "Is the docker daemon running?\n  ssh://me@build-server (DOCKER_HOST): not supported by the kernel"),
                e.getMessage());
        assertEquals("hint.engine.ssh", e.hintKey());
    }

    @Test
    void aPortBeyond65535IsAFailedConnectionNotACrash() {
        // `docker -H tcp://127.0.0.1:99999 ps`: Apache's client builder threw IllegalArgumentException
        EngineUnreachable e = assertThrows(EngineUnreachable.class,
                () -> gateway(Map.of("DOCKER_HOST", "tcp://127.0.0.1:99999")).call(c -> c.pingCmd().exec(), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().startsWith("Cannot connect to the Docker daemon at tcp://127.0.0.1:99999."), e.getMessage());
        assertTrue(e.getMessage().contains("address 99999: invalid port"), e.getMessage());
    }

    @Test
    void aMissingContextIsTheClisInitialisationError() {
        EngineUnreachable e = assertThrows(EngineUnreachable.class,
                () -> gateway(Map.of("DOCKER_CONTEXT", "lab")).call(c -> c.pingCmd().exec(), Duration.ofSeconds(5)));
        assertTrue(e.getMessage().startsWith("Failed to initialize: unable to resolve docker endpoint: context \"lab\": "
                + "context not found: open "), e.getMessage());
        assertEquals("hint.engine.context", e.hintKey());
        assertEquals("lab", e.hintArgs()[0]);
    }

    @Test
    void theDefaultContextAsTheCliShowsIt() {
        EngineDiscovery plain = gateway(Map.of()).discovery();
        assertEquals("unix:///var/run/docker.sock", plain.defaultContext().host());
        assertEquals("Current DOCKER_HOST based configuration", plain.defaultContext().description());
        assertEquals("tcp://10.0.0.1:2375", gateway(Map.of("DOCKER_HOST", "10.0.0.1")).discovery().defaultContext().host());
        assertTrue(gateway(Map.of("DOCKER_TLS", "1")).discovery().defaultContext().skipTlsVerify());
    }

    @Test
    void switchingContextsAgainAndAgainKeepsOnlyAFewOldConnectionsOpen() throws Exception {
        // issue 19: every connection the kernel switched away from stayed open, with its pool
        EngineGateway gateway = gateway(Map.of());
        ContextStore store = new ContextStore(gateway.discovery().machine().dockerConfigDir());
        for (int i = 0; i < 12; i++) {
            store.create("c" + i, "", new ContextEndpointSpec("tcp://127.0.0.1:" + (2000 + i), false, null, null, null));
            store.use("c" + i);
            assertEquals("tcp://127.0.0.1:" + (2000 + i), gateway.endpoint().host());
        }
        assertTrue(gateway.retiredCount() <= EngineConnections.RETIRED_KEPT, gateway.retiredCount() + " kept");
        gateway.close();
    }

    @Test
    void theRealGatewayRunsOverAGivenTransport() throws Exception {
        FakeDaemon daemon = new FakeDaemon()
                .on("GET", "/version", FakeDaemon.json(200, "{\"ApiVersion\":\"1.50\"}"))
                .on("GET", "/containers/missing/json", FakeDaemon.error(404, "No such container: missing"));
        try (EngineGateway gateway = EngineGateway.inMemory(EngineDiscovery.fixed("unix:///fake/docker.sock"),
                daemon)) {
            assertEquals("1.50", gateway.requestJson(com.github.dockerjava.transport.DockerHttpClient.Request.Method.GET,
                    "/version").getAsJsonObject().get("ApiVersion").getAsString());
            assertEquals("1.50", gateway.call(client -> client.versionCmd().exec().getApiVersion(), Duration.ofSeconds(5)));
            DaemonError refused = assertThrows(DaemonError.class, () -> gateway.call(
                    client -> client.inspectContainerCmd("missing").exec(), Duration.ofSeconds(5)));
            assertEquals("Error response from daemon: No such container: missing", refused.cliText());
        }
    }
}
