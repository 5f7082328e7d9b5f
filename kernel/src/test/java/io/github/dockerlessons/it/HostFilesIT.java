package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 against the engine at DOCKER_HOST: a build context's links stay links, save and export
 * never replace a special file, and docker cp of a container's / makes the destination.
 */
class HostFilesIT {
    private final String prefix = "it19-" + UUID.randomUUID().toString().substring(0, 8);
    private Session session;

    @BeforeEach
    void start() {
        Map<String, String> env = System.getenv();
        session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
    }

    @AfterEach
    void cleanUp() {
        try {
            session.run("docker rm -f " + prefix + "-a; docker rmi -f " + prefix + "-img", new RecordingConsole());
        } catch (CellError ignored) {
            // what was never made is reported, not a failure of the test
        }
    }

    private String run(String cell) throws CellError {
        RecordingConsole console = new RecordingConsole();
        session.run(cell, console);
        return console.out.toString();
    }

    @Test
    void aBuildContextsLinksArriveAsLinks(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "TOPSECRET\n");
        Path context = Files.createDirectory(dir.resolve("ctx"));
        Files.createSymbolicLink(context.resolve("shadow"), secret);
        Files.createSymbolicLink(context.resolve("etc"), Path.of("/etc"));
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nCOPY . /c\n");
        run("docker build -q -t " + prefix + "-img " + context);
        String inside = run("docker run --rm " + prefix + "-img sh -c 'readlink /c/shadow; readlink /c/etc; "
                + "find /c -type f -exec cat {} +'");
        assertEquals(secret + "\n/etc\nFROM busybox\nCOPY . /c\n", inside);
    }

    @Test
    void saveAndExportNeverReplaceADeviceOrAPipe(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        run("docker create --name " + prefix + "-a busybox");
        for (String target : new String[]{"/dev/full", fifo.toString()}) {
            String kind = target.equals("/dev/full") ? "character device file" : "named pipe (FIFO)";
            CellError save = assertThrows(CellError.class, () -> run("docker save -o " + target + " busybox"));
            assertEquals("failed to save image: cannot write to a " + kind, save.lines().get(0));
            CellError export = assertThrows(CellError.class, () -> run("docker export -o " + target + " " + prefix + "-a"));
            assertEquals("failed to export container: cannot write to a " + kind, export.lines().get(0));
        }
        assertTrue(Files.isSameFile(Path.of("/dev/full"), Path.of("/dev/full")) && !Files.isRegularFile(Path.of("/dev/full")));
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void cpOfTheRootMakesTheDestination(@TempDir Path dir) throws Exception {
        run("docker run -d --name " + prefix + "-a busybox sleep 600");
        Path dest = dir.resolve("dest");
        run("docker cp " + prefix + "-a:/ " + dest);
        assertTrue(Files.isRegularFile(dest.resolve("etc/passwd")));
        assertFalse(Files.exists(dir.resolve("etc")), "the root landed beside dest");
        run("docker cp " + prefix + "-a:/ " + dest);
        assertFalse(Files.exists(dest.resolve("dest")));
        assertTrue(Files.isRegularFile(dest.resolve("etc/passwd")));
    }
}
