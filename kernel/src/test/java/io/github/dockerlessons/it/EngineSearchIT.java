package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.ContextEndpointSpec;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineEndpoint;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.engine.SocketProbe;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search for an engine on a laptop, with real sockets in a fake home: Docker Desktop's and
 * rootless Docker's sockets are relays to the private engine, a crashed engine's socket is a stale
 * file. The search is confined to the fake home (the machine's own /var/run/docker.sock and
 * /run/podman do not count), and docker contexts switch the kernel at once.
 */
class EngineSearchIT {
    private static final Path ENGINE = Path.of(System.getenv("DOCKER_HOST").substring("unix://".length()));

    @TempDir
    Path home;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("DOCKER_CONFIG", home.resolve(".docker").toString());
        return env;
    }

    private EngineGateway gateway(Map<String, String> env) {
        LocalMachine laptop = new LocalMachine(env, home, LocalMachine.OperatingSystem.LINUX, OptionalInt.of(1000),
                p -> p.startsWith(home) && Files.exists(p));
        SocketProbe confined = e -> e.host().startsWith("unix://" + home) ? SocketProbe.system().probe(e)
                : new SocketProbe.Result(false, "no such file or directory");
        return new EngineGateway(new EngineDiscovery(laptop), confined);
    }

    private static Session session(EngineGateway gateway) {
        return new Session(DockerCommands.registry(), gateway, new Messages(Messages.ENGLISH), Map.of(), Clock.systemUTC());
    }

    private static String shown(Session session, String cell) throws CellError {
        RecordingConsole console = new RecordingConsole();
        session.run(cell, console);
        StringBuilder text = new StringBuilder(console.out);
        console.results.forEach(b -> text.append(b.plainText()));
        return text.toString();
    }

    @Test
    void findsDockerDesktopOnLinuxPastAStaleSocket() throws Exception {
        // Rootless Docker crashed and left its socket; Docker Desktop runs.
        SocketRelay.stale(home.resolve("run/docker.sock"));
        try (SocketRelay desktop = SocketRelay.unix(home.resolve(".docker/desktop/docker.sock"), ENGINE)) {
            EngineGateway gateway = gateway(env());
            assertTrue(shown(session(gateway), "docker ps -a").startsWith("CONTAINER ID"));
            EngineEndpoint used = gateway.endpoint();
            assertEquals(desktop.host(), used.host());
            assertEquals(EngineEndpoint.Origin.DOCKER_DESKTOP_LINUX, used.origin());
        }
    }

    @Test
    void whenNothingAnswersEveryPlaceIsListedWithin2Seconds() throws Exception {
        SocketRelay.stale(home.resolve(".docker/run/docker.sock"));
        Session session = session(gateway(env()));
        long start = System.nanoTime();
        CellError e = assertThrows(CellError.class, () -> session.run("docker ps", new RecordingConsole()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, "took " + ms + " ms");
        assertEquals(List.of(
                "Cannot connect to the Docker daemon at unix://" + home + "/.docker/run/docker.sock. Is the docker daemon running?",
                "  unix:///var/run/docker.sock (the docker CLI's default): no such file or directory",
                "  unix://" + home + "/run/docker.sock (rootless Docker): no such file or directory",
                "  unix://" + home + "/.docker/run/docker.sock (Docker Desktop on macOS): connection refused",
                "  unix://" + home + "/.docker/desktop/docker.sock (Docker Desktop on Linux): no such file or directory",
                "  unix:///run/podman/podman.sock (Podman): no such file or directory",
                "  unix://" + home + "/run/podman/podman.sock (rootless Podman): no such file or directory"), e.lines());
        assertTrue(e.hint().contains("systemctl --user start docker") && e.hint().contains("podman"), e.hint());
        // The engine comes up: the next cell finds it, in the same kernel.
        try (SocketRelay podman = SocketRelay.unix(home.resolve("run/podman/podman.sock"), ENGINE)) {
            assertTrue(shown(session, "docker ps").startsWith("CONTAINER ID"));
        }
    }

    @Test
    void dockerContextUseSwitchesTheKernelAtOnce() throws Exception {
        ContextStore store = new ContextStore(home.resolve(".docker"));
        store.create("lessons", "the private engine", new ContextEndpointSpec("unix://" + ENGINE, false, null, null, null));
        store.create("gone", "", new ContextEndpointSpec("unix://" + home.resolve("gone.sock"), false, null, null, null));
        Session session = session(gateway(env()));
        store.use("lessons");
        assertTrue(shown(session, "docker ps").startsWith("CONTAINER ID"));
        // The real docker CLI switches the context; the kernel follows without a restart.
        ProcessBuilder cli = new ProcessBuilder("docker", "context", "use", "gone");
        cli.environment().keySet().removeIf(k -> k.startsWith("DOCKER_"));
        cli.environment().put("DOCKER_CONFIG", home.resolve(".docker").toString());
        assertEquals(0, cli.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor());
        CellError e = assertThrows(CellError.class, () -> session.run("docker ps", new RecordingConsole()));
        assertEquals("  unix://" + home.resolve("gone.sock") + " (context \"gone\", from currentContext in config.json): "
                + "no such file or directory", e.lines().get(1));
        assertTrue(e.hint().contains("docker context use default"), e.hint());
        store.use("lessons");
        assertTrue(shown(session, "docker ps").startsWith("CONTAINER ID"));
        // DOCKER_CONTEXT names a context that is not there: the CLI's own error.
        Map<String, String> env = env();
        env.put("DOCKER_CONTEXT", "nosuch");
        CellError missing = assertThrows(CellError.class, () -> session(gateway(env)).run("docker ps", new RecordingConsole()));
        assertEquals("Failed to initialize: unable to resolve docker endpoint: context \"nosuch\": context not found: open "
                + store.metadataPath("nosuch").resolve("meta.json") + ": no such file or directory", missing.lines().get(0));
    }
}
