package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The lecture's commands through the session against the real engine at DOCKER_HOST (install/engine
 * starts a private one). Every container a test makes carries the test's own name prefix and is
 * removed by name afterwards: the tests never touch anything else on the engine.
 */
class SessionIT {
    private final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private Session session;
    private RecordingConsole console;

    @BeforeEach
    void start() {
        Map<String, String> env = System.getenv();
        session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
        console = new RecordingConsole();
    }

    @AfterEach
    void cleanUp() throws Exception {
        RecordingConsole quiet = new RecordingConsole();
        try {
            session.run("docker rm -f " + prefix + "-a " + prefix + "-b " + prefix + "-c", quiet);
        } catch (CellError ignored) {
            // rm -f of names that do not exist reports them but does not fail
        }
    }

    private RecordingConsole run(String cell) throws CellError {
        console = new RecordingConsole();
        session.run(cell, console);
        return console;
    }

    @Test
    void helloWorldStreamsItsGreeting() throws Exception {
        assertTrue(run("docker run --rm hello-world").out.toString().startsWith("\nHello from Docker!\n"));
    }

    @Test
    void koreanOutputSplitAcrossFramesArrivesIntact() throws Exception {
        // 2,000 syllables = 6,000 bytes: several 1024-byte frames cut inside characters.
        String text = run("docker run --rm busybox sh -c 'for i in $(seq 1 200); do printf 가나다라마바사아자차; done'")
                .out.toString();
        assertEquals("가나다라마바사아자차".repeat(200), text);
    }

    @Test
    void stderrStaysStderr() throws Exception {
        RecordingConsole c = run("docker run --rm busybox sh -c 'echo out; echo err >&2'");
        assertEquals("out\n", c.out.toString());
        assertEquals("err\n", c.err.toString());
    }

    @Test
    void nonZeroExitIsAnErrorThatStatesIt() {
        CellError e = assertThrows(CellError.class, () -> run("docker run --rm busybox sh -c 'exit 3'"));
        assertEquals(3, e.status());
        assertEquals("exit status 3", e.lines().get(0));
    }

    @Test
    void commandNotFoundIs127InTheDaemonWords() {
        CellError e = assertThrows(CellError.class, () -> run("docker run --rm busybox nosuchcmd"));
        assertEquals(127, e.status());
        assertTrue(e.lines().get(0).startsWith("docker: Error response from daemon: "), e.lines().get(0));
        assertTrue(e.lines().get(0).contains("executable file not found"), e.lines().get(0));
    }

    @Test
    void createThenStartAttachedByIdPrefix() throws Exception {
        String id = run("docker create --name " + prefix + "-a hello-world").out.toString().trim();
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertTrue(run("docker start -a " + id.substring(0, 8)).out.toString().contains("Hello from Docker!"));
    }

    @Test
    void psTableListsTheContainerAndIdsSubstitute() throws Exception {
        run("docker create --name " + prefix + "-a busybox sh -c 'sleep 600; echo 안녕하세요 여러분 반갑습니다'");
        RecordingConsole c = run("docker ps -a");
        Bundle table = c.results.get(0);
        assertTrue(table.plainText().startsWith("CONTAINER ID   IMAGE"), table.plainText());
        assertTrue(table.plainText().contains("\"sh -c 'sleep 600; e…\""), table.plainText());
        assertTrue(table.data().get("text/html").toString().contains(prefix + "-a"));
        // The lecture's `docker ps -a -q -n 1` would take the newest container, whoever made it: this
        // test's own container is found by name instead.
        run("X=$(docker ps -a -q -f name=^" + prefix + "-a$)\ndocker rm $X");
        assertFalse(run("docker ps -a").results.get(0).plainText().contains(prefix + "-a"));
    }

    @Test
    void heredocIsStdinWithEof() throws Exception {
        assertEquals("한 줄\n두 줄\n", run("docker run -i --rm busybox cat <<'EOF'\n한 줄\n두 줄\nEOF").out.toString());
        run("docker run -d --name " + prefix + "-a redis");
        RecordingConsole c = run("docker exec -i " + prefix + "-a redis-cli <<EOF\nset k 값\nget k\nEOF");
        assertEquals("OK\n값\n", c.out.toString());
    }

    @Test
    void interactiveWithoutHeredocFailsAtOnce() {
        CellError e = assertThrows(CellError.class, () -> run("docker run -it busybox sh"));
        assertTrue(e.hint().contains("heredoc"), e.hint());
    }

    @Test
    void execLogsStopAndKill() throws Exception {
        run("docker run -d --name " + prefix + "-a redis");
        assertEquals("PONG\n", run("docker exec " + prefix + "-a redis-cli ping").out.toString());
        assertTrue(run("docker logs --tail 1 " + prefix + "-a").out.toString().contains("Ready to accept connections"));
        assertEquals(prefix + "-a\n", run("docker stop " + prefix + "-a").out.toString());
        run("docker run -d --name " + prefix + "-b busybox sleep 600");
        assertEquals(prefix + "-b\n", run("docker kill " + prefix + "-b").out.toString());
        String status = run("docker inspect " + prefix + "-b").results.get(0).plainText();
        assertTrue(status.contains("\"ExitCode\": 137"), status);
    }

    @Test
    void multiTargetCommandsGoOnPastAFailure() throws Exception {
        run("docker create --name " + prefix + "-a busybox");
        console = new RecordingConsole();
        CellError e = assertThrows(CellError.class, () -> session.run("docker rm " + prefix + "-nope " + prefix + "-a", console));
        assertEquals(prefix + "-a\n", console.out.toString());
        assertEquals("Error response from daemon: No such container: " + prefix + "-nope", e.lines().get(0));
        assertEquals(1, e.status());
    }

    @Test
    void removingARunningContainerNeedsForce() throws Exception {
        run("docker run -d --name " + prefix + "-a busybox sleep 600");
        CellError e = assertThrows(CellError.class, () -> run("docker rm " + prefix + "-a"));
        assertTrue(e.lines().get(0).startsWith("Error response from daemon: You cannot remove a running container"),
                e.lines().get(0));
        assertTrue(e.hint() != null && e.hint().contains("docker rm -f"), e.hint());
    }

    @Test
    void missingImageSaysUnableToFindThenFailsInTheDaemonWords() {
        CellError e = assertThrows(CellError.class, () -> run("docker run --name " + prefix + "-a " + prefix + "-image"));
        assertTrue(console.err.toString().startsWith("Unable to find image '" + prefix + "-image:latest' locally\n"),
                console.err.toString());
        assertTrue(e.lines().get(0).startsWith("docker: Error response from daemon: "), e.lines().get(0));
        assertEquals(125, e.status());
    }

    @Test
    void imagesTableAndInspect() throws Exception {
        String images = run("docker images").results.get(0).plainText();
        assertTrue(images.startsWith("REPOSITORY    TAG       IMAGE ID       CREATED"), images);
        assertTrue(images.contains("busybox"), images);
        Bundle inspect = run("docker inspect busybox").results.get(0);
        assertTrue(inspect.plainText().startsWith("[\n    {\n        \"Id\": \"sha256:"), inspect.plainText());
        assertTrue(inspect.data().containsKey("application/json"));
        CellError e = assertThrows(CellError.class, () -> run("docker inspect " + prefix + "-nothing"));
        assertEquals("Error: No such object: " + prefix + "-nothing", e.lines().get(0));
    }

    @Test
    void rmiOfAMissingImageInTheDaemonWords() {
        CellError e = assertThrows(CellError.class, () -> run("docker rmi " + prefix + "-nothing"));
        assertEquals("Error response from daemon: No such image: " + prefix + "-nothing:latest", e.lines().get(0));
    }

    @Test
    void writefileThenBuildThenRun(@TempDir Path dir) throws Exception {
        String dockerfile = dir.resolve("Dockerfile").toString();
        assertEquals("Writing " + dockerfile + "\n", run("%%writefile " + dockerfile
                + "\nFROM busybox\nRUN echo '만들었다' > /made.txt\nCMD [\"cat\", \"/made.txt\"]\n").out.toString());
        String out = run("docker build -t " + prefix + "-img " + dir).out.toString();
        assertTrue(out.startsWith("Sending build context to Docker daemon"), out);
        assertTrue(out.contains("Step 1/3 : FROM busybox"), out);
        assertTrue(out.contains("Successfully tagged " + prefix + "-img:latest"), out);
        assertEquals("만들었다\n", run("docker run --rm " + prefix + "-img").out.toString());
        run("docker rmi " + prefix + "-img");
    }

    @Test
    void buildWithoutADockerfileSaysSo() {
        CellError e = assertThrows(CellError.class, () -> run("docker build /tmp"));
        assertTrue(e.hint().contains("Dockerfile"), e.hint());
    }

    @Test
    void cpCopiesBothWays(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("note.txt");
        Files.writeString(local, "노트북에서 왔다\n");
        run("docker run -d --name " + prefix + "-a busybox sleep 600");
        run("docker cp " + local + " " + prefix + "-a:/tmp/note.txt");
        assertEquals("노트북에서 왔다\n", run("docker exec " + prefix + "-a cat /tmp/note.txt").out.toString());
        Path back = dir.resolve("back.txt");
        run("docker cp " + prefix + "-a:/tmp/note.txt " + back);
        assertEquals("노트북에서 왔다\n", Files.readString(back));
        run("docker cp " + prefix + "-a:/etc " + dir);
        assertTrue(Files.exists(dir.resolve("etc/passwd")));
    }

    @Test
    void langMagicSwitchesHints() throws Exception {
        run("%lang ko");
        CellError korean = assertThrows(CellError.class, () -> run("docker rm " + prefix + "-nothing"));
        assertTrue(korean.hint().contains("컨테이너"), korean.hint());
        run("%lang en");
        CellError english = assertThrows(CellError.class, () -> run("docker rm " + prefix + "-nothing"));
        assertTrue(english.hint().contains("container"), english.hint());
    }

    @Test
    void versionShowsTheLinuxEngine() throws Exception {
        String out = run("docker version").out.toString();
        assertTrue(out.contains("Server:\n Engine:\n"), out);
        assertTrue(out.contains("  OS/Arch:          linux/"), out);
    }
}
