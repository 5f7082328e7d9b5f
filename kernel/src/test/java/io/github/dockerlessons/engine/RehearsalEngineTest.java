package io.github.dockerlessons.engine;

import io.github.dockerlessons.api.ContainerSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up's engine answers the real gateway over a unix socket, and leaves nothing behind. */
class RehearsalEngineTest {
    private static final String ONE = "[{\"Id\":\"cd91568b33c3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"Names\":[\"/web\"],\"Image\":\"nginx\",\"State\":\"running\",\"Status\":\"Up 1 second\"}]";

    @Test
    void answersManyRequestsOnOneKeptConnectionAndRemovesItsSocket() throws Exception {
        Path socket;
        try (RehearsalEngine engine = RehearsalEngine.start(Map.of("/containers/json", ONE));
             EngineGateway gateway = new EngineGateway(EngineDiscovery.fixed(engine.host()))) {
            socket = Path.of(engine.host().substring("unix://".length()));
            assertTrue(Files.exists(socket));
            for (int i = 0; i < 50; i++) {
                List<ContainerSummary> listed = gateway.send(ContainerSummary.all(),
                        Duration.ofSeconds(10));
                assertEquals(1, listed.size());
                assertEquals("/web", listed.get(0).getNames()[0]);
            }
        }
        assertFalse(Files.exists(socket));
        assertFalse(Files.exists(socket.getParent()));
    }

    @Test
    void theFolderOfAKernelThatIsGoneIsRemovedByTheNextOne(@TempDir Path tmp) throws Exception {
        // A kernel SIGKILLed during its warm-up (shutdown_kernel(now=True)) left its socket: 22 such
        // folders in /tmp after 40 minutes of this machine's test runs.
        Path gone = Files.createDirectory(tmp.resolve("docker-kernel-rehearsal-2147483646-17"));
        Files.createFile(gone.resolve("docker.sock"));
        long self = ProcessHandle.current().pid();
        Path running = Files.createDirectory(tmp.resolve("docker-kernel-rehearsal-" + self + "-18"));
        Files.createFile(running.resolve("docker.sock"));
        Path namedOtherwise = Files.createDirectory(tmp.resolve("docker-kernel-rehearsal-x"));
        try (RehearsalEngine engine = RehearsalEngine.start(tmp, Map.of())) {
            assertFalse(Files.exists(gone), "a gone kernel's folder is removed");
            assertTrue(Files.exists(running.resolve("docker.sock")), "a running kernel's folder stays");
            assertTrue(Files.exists(namedOtherwise));
            assertTrue(engine.host().startsWith("unix://" + tmp.resolve("docker-kernel-rehearsal-" + self + "-")),
                    engine.host());
        }
    }

    @Test
    void aLinkNamedAsAGoneKernelsFolderIsNotFollowed(@TempDir Path tmp) throws Exception {
        // /tmp is everybody's: a link named as a gone kernel's folder, pointing at the folder of the
        // user's engine socket (rootless: $XDG_RUNTIME_DIR), must not make the kernel delete that socket.
        Path engineFolder = Files.createDirectory(tmp.resolve("run-user"));
        Path engineSocket = Files.createFile(engineFolder.resolve("docker.sock"));
        Path link = Files.createSymbolicLink(tmp.resolve("docker-kernel-rehearsal-2147483646-1"), engineFolder);
        try (RehearsalEngine engine = RehearsalEngine.start(tmp, Map.of())) {
            assertTrue(Files.exists(engineSocket), "the socket the link points at was deleted");
            assertTrue(Files.isSymbolicLink(link), "another's link is left alone");
        }
    }

    @Test
    void anotherPathIsDockerdsNotFound() throws Exception {
        try (RehearsalEngine engine = RehearsalEngine.start(Map.of());
             EngineGateway gateway = new EngineGateway(EngineDiscovery.fixed(engine.host()))) {
            DaemonError e = assertThrows(DaemonError.class,
                    () -> gateway.call(c -> c.inspectContainerCmd("x").exec(), Duration.ofSeconds(10)));
            assertEquals("page not found", e.getMessage());
        }
    }
}
