package io.github.dockerlessons.session;

import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.FakeDaemon;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Completion of the swarm commands' arguments (issue 24): nodes by hostname, services, secrets and
 * configs by name, read through docker-java from the engine; an engine that is no swarm manager
 * completes nothing rather than failing.
 */
class SwarmNamesTest {
    @TempDir
    Path home;

    private EngineNames names(FakeDaemon daemon) {
        return new EngineNames(EngineGateway.inMemory(new EngineDiscovery(new LocalMachine(
                Map.of("DOCKER_HOST", "unix:///fake.sock"), home, OperatingSystem.LINUX, OptionalInt.empty(), p -> false)),
                daemon), Duration.ofSeconds(30)); // the first call loads docker-java's JSON mapping
    }

    @Test
    void swarmObjectsCompleteByName() {
        FakeDaemon daemon = new FakeDaemon()
                .on("GET", "/nodes", FakeDaemon.json(200, "[{\"ID\":\"n1\",\"Description\":{\"Hostname\":\"node1\"}},"
                        + "{\"ID\":\"n2\",\"Description\":{\"Hostname\":\"node2\"}}]"))
                .on("GET", "/services", FakeDaemon.json(200, "[{\"ID\":\"s1\",\"Spec\":{\"Name\":\"web\"}}]"))
                .on("GET", "/secrets", FakeDaemon.json(200, "[{\"ID\":\"x1\",\"Spec\":{\"Name\":\"db-password\"}}]"))
                .on("GET", "/configs", FakeDaemon.json(200, "[{\"ID\":\"c1\",\"Spec\":{\"Name\":\"app\"}}]"));
        EngineNames names = names(daemon);
        assertEquals(List.of("node1", "node2"), names.of(NameKind.NODE));
        assertEquals(List.of("web"), names.of(NameKind.SERVICE));
        assertEquals(List.of("db-password"), names.of(NameKind.SECRET));
        assertEquals(List.of("app"), names.of(NameKind.CONFIG));
    }

    @Test
    void anEngineOutsideASwarmCompletesNothing() {
        FakeDaemon daemon = new FakeDaemon().on("GET", "/nodes", FakeDaemon.error(503,
                "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this "
                        + "node to swarm and try again."));
        assertEquals(List.of(), names(daemon).of(NameKind.NODE));
    }
}
