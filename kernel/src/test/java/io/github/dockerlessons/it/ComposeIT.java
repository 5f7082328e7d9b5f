package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker compose through the kernel against the real engine, checked from outside with the docker
 * CLI (by the labels Compose puts on what it makes) and, where Debian's docker-compose 1.29 is
 * installed, with Compose itself: it must see the kernel's project as its own. Every project here
 * has this run's own name and is taken down at the end.
 */
class ComposeIT {
    private static final String P = "cit" + UUID.randomUUID().toString().substring(0, 6);
    private static final String FILE = """
            services:
              web:
                image: busybox
                command: httpd -f -p 80 -h /www
                init: true
                volumes:
                  - site:/www
              client:
                image: busybox
                command: sleep 600
                init: true
                depends_on: [web]
            volumes:
              site:
            """;
    private static Path dir;
    private static Session session;

    @BeforeAll
    static void prepare() throws Exception {
        Map<String, String> env = System.getenv();
        session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
        dir = Files.createDirectories(Path.of("target", "compose-it", P).toAbsolutePath());
        Files.writeString(dir.resolve("compose.yaml"), FILE);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (String project : List.of(P, P + "v1", P + "up")) {
            try {
                run("docker compose -f " + dir.resolve("compose.yaml") + " -p " + project + " down -v -t 1");
            } catch (CellError ignored) {
                // nothing was left
            }
        }
    }

    private static RecordingConsole run(String cell) throws CellError {
        RecordingConsole console = new RecordingConsole();
        session.run(cell, console);
        return console;
    }

    private static String compose() {
        return "docker compose -f " + dir.resolve("compose.yaml") + " -p " + P + " ";
    }

    /** A command of the docker CLI (or docker-compose) run as the reference, never by the kernel. */
    private static String cli(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", argv) + "\n" + out);
        return out;
    }

    private static String lastDisplay(RecordingConsole console) {
        return console.displays.isEmpty() ? "" : console.displays.get(console.displays.size() - 1).plainText();
    }

    @Test
    void upMakesWhatComposeMakesAndTheDockerCliSeesItByItsLabels() throws Exception {
        RecordingConsole up = run(compose() + "up -d");
        assertTrue(up.displays.size() >= 1);
        String names = cli("docker", "ps", "--filter", "label=com.docker.compose.project=" + P, "--format",
                "{{.Names}} {{.Label \"com.docker.compose.service\"}} {{.Label \"com.docker.compose.container-number\"}}"
                        + " {{.Label \"com.docker.compose.oneoff\"}}");
        assertEquals(List.of(P + "-client-1 client 1 False", P + "-web-1 web 1 False"),
                names.lines().sorted().toList());
        String working = cli("docker", "inspect", "-f", "{{index .Config.Labels \"com.docker.compose.project.working_dir\"}}"
                + " {{index .Config.Labels \"com.docker.compose.depends_on\"}}", P + "-client-1");
        assertEquals(dir + " web:service_started:false\n", working);
        assertEquals(P + " default\n", cli("docker", "network", "inspect", "-f",
                "{{index .Labels \"com.docker.compose.project\"}} {{index .Labels \"com.docker.compose.network\"}}",
                P + "_default"));
        assertEquals(P + " site\n", cli("docker", "volume", "inspect", "-f",
                "{{index .Labels \"com.docker.compose.project\"}} {{index .Labels \"com.docker.compose.volume\"}}",
                P + "_site"));
        // the client reaches the web server by its service name, on the project's network
        run(compose() + "exec web sh -c 'echo 안녕 > /www/index.html'");
        assertEquals("안녕\n", run(compose() + "exec client wget -qO- http://web/").out.toString());

        Bundle ps = run(compose() + "ps").results.get(0);
        assertTrue(ps.plainText().startsWith("NAME"), ps.plainText());
        assertTrue(ps.plainText().contains(P + "-web-1"), ps.plainText());
        assertTrue(ps.data().containsKey("text/html"));

        // a second up changes nothing: the containers are the same ones
        String before = cli("docker", "inspect", "-f", "{{.Id}}", P + "-web-1");
        RecordingConsole second = run(compose() + "up -d");
        String again = second.displays.stream().map(Bundle::plainText).reduce("", String::concat);
        assertTrue(again.matches("(?s).*Container " + P + "-web-1 +Running.*"), again);
        assertEquals(before, cli("docker", "inspect", "-f", "{{.Id}}", P + "-web-1"));

        if (Files.isExecutable(Path.of("/usr/bin/docker-compose"))) {
            // Compose 1.29 finds the kernel's containers by their labels
            String v1 = cli("/usr/bin/docker-compose", "-f", dir.resolve("compose.yaml").toString(), "-p", P, "ps",
                    "--services");
            assertEquals(List.of("client", "web"), v1.lines().filter(l -> !l.isBlank()).sorted().toList());
        }

        String down = lastDisplay(run(compose() + "down -v"));
        assertTrue(down.matches("(?s).*Volume " + P + "_site +Removed.*"), down);
        assertEquals("", cli("docker", "ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + P));
        assertEquals("", cli("docker", "network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + P));
        assertEquals("", cli("docker", "volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + P));
    }

    @Test
    void composeOneTwentyNineMakesTheSameObjectsUnderItsOwnNames() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/docker-compose"))) {
            return; // Debian's docker-compose is the reference here; install/test installs it
        }
        String project = P + "v1";
        cli("/usr/bin/docker-compose", "-f", dir.resolve("compose.yaml").toString(), "-p", project, "up", "-d");
        try {
            String names = cli("docker", "ps", "--filter", "label=com.docker.compose.project=" + project, "--format",
                    "{{.Names}} {{.Label \"com.docker.compose.service\"}} {{.Label \"com.docker.compose.container-number\"}}"
                            + " {{.Label \"com.docker.compose.oneoff\"}}");
            // v1 names containers project_service_1 where v2 (and the kernel) name them project-service-1
            assertEquals(List.of(project + "_client_1 client 1 False", project + "_web_1 web 1 False"),
                    names.lines().sorted().toList());
            assertEquals(project + " default\n", cli("docker", "network", "inspect", "-f",
                    "{{index .Labels \"com.docker.compose.project\"}} {{index .Labels \"com.docker.compose.network\"}}",
                    project + "_default"));
            assertEquals(project + " site\n", cli("docker", "volume", "inspect", "-f",
                    "{{index .Labels \"com.docker.compose.project\"}} {{index .Labels \"com.docker.compose.volume\"}}",
                    project + "_site"));
            // and the kernel sees Compose 1.29's project as its own
            String ps = run("docker compose -f " + dir.resolve("compose.yaml") + " -p " + project + " ps --services")
                    .out.toString();
            assertEquals(List.of("client", "web"), ps.lines().sorted().toList());
        } finally {
            cli("/usr/bin/docker-compose", "-f", dir.resolve("compose.yaml").toString(), "-p", project, "down", "-v",
                    "-t", "1");
        }
    }

    @Test
    void attachedUpFollowsTheLogsUntilTheStopButtonThenStopsTheContainers() throws Exception {
        String project = P + "up";
        Path file = dir.resolve("attached.yaml");
        Files.writeString(file, """
                services:
                  ticker:
                    image: busybox
                    init: true
                    command: sh -c 'echo 시작; while true; do sleep 0.2; done'
                """);
        RecordingConsole console = new RecordingConsole();
        CompletableFuture<CellError> cell = CompletableFuture.supplyAsync(() -> {
            try {
                session.run("docker compose -f " + file + " -p " + project + " up", console);
                return null;
            } catch (CellError e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!lastDisplay(console).contains("ticker-1  | 시작") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(lastDisplay(console).contains("Attaching to ticker-1\nticker-1  | 시작"), lastDisplay(console));
        long pressed = System.nanoTime();
        session.interrupt();
        CellError stopped = cell.get(30, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - pressed);
        assertEquals(130, stopped.status());
        assertTrue(seconds <= 5, "the stop button took " + seconds + " s");
        assertTrue(console.displays.stream().anyMatch(d -> d.plainText().contains("Gracefully stopping...")));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String running = "x";
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            running = cli("docker", "ps", "-q", "--filter", "label=com.docker.compose.project=" + project);
            Thread.sleep(200);
        }
        assertEquals("", running);
        run("docker compose -f " + file + " -p " + project + " down");
    }

    @Test
    void aMistakeInTheFileNamesItsLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "services:\n  web:\n    image: busybox\n    imagee: busybox\n");
        CellError e = assertThrows(CellError.class, () -> run("docker compose -f " + bad + " up -d"));
        assertEquals("validating " + bad + ": services.web additional properties 'imagee' not allowed", e.lines().get(0));
        assertTrue(e.hint().contains("bad.yaml:4:5"), e.hint());
        assertTrue(e.hint().contains("    imagee: busybox\n        ^"), e.hint());
        assertEquals(1, e.status());
    }

    @Test
    void theV1ProgramAndFlagsBeforeTheSubcommandReachTheSameCommands() throws Exception {
        assertEquals("web\nclient\n", run("docker-compose -f " + dir.resolve("compose.yaml") + " config --services")
                .out.toString());
        assertEquals("web\nclient\n", run("docker compose config --services -f " + dir.resolve("compose.yaml"))
                .out.toString());
        String help = run("docker compose --help").out.toString();
        assertTrue(help.startsWith("Usage:  docker compose [OPTIONS] COMMAND"), help);
        assertTrue(help.contains("  up "), help);
    }
}
