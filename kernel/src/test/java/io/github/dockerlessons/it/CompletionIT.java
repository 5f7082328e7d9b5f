package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Completion offers what each command's declaration says its arguments name, in the state
 * docker/cli's completion would: tested per command against the engine, with one container in each
 * state (running, paused, exited, created), a network and a volume of this test's own.
 */
class CompletionIT {
    private static final String P = "cmp" + UUID.randomUUID().toString().substring(0, 6);
    private static final Map<String, String> ENV = System.getenv();
    private static final Session SESSION = new Session(DockerCommands.registry(),
            new EngineGateway(EngineDiscovery.forThisMachine(ENV)), new Messages(Messages.ENGLISH), ENV, Clock.systemUTC());

    @BeforeAll
    static void containersInEveryState() throws Exception {
        run("docker run -d --name " + P + "-running busybox sleep 600");
        run("docker run -d --name " + P + "-paused busybox sleep 600");
        run("docker pause " + P + "-paused");
        run("docker run --name " + P + "-exited busybox true");
        run("docker create --name " + P + "-created busybox");
        run("docker network create " + P + "-net");
        run("docker volume create " + P + "-vol");
    }

    @AfterAll
    static void removeThem() {
        for (String cell : List.of("docker rm -f " + P + "-running " + P + "-paused " + P + "-exited " + P + "-created",
                "docker network rm " + P + "-net", "docker volume rm " + P + "-vol")) {
            try {
                run(cell);
            } catch (CellError ignored) {
                // nothing to remove
            }
        }
    }

    private static void run(String cell) throws CellError {
        SESSION.run(cell, new RecordingConsole());
    }

    /** The names of this test's objects offered after {@code line}. */
    private static List<String> offered(String line) {
        return SESSION.assistant().complete(line + P, line.length() + P.length()).matches().stream()
                .map(m -> m.substring(P.length())).sorted().toList();
    }

    @Test
    void startOffersStoppedContainers() {
        assertEquals(List.of("-created", "-exited"), offered("docker start "));
        assertEquals(List.of("-created", "-exited"), offered("docker container start "));
    }

    @Test
    void stopExecAttachKillOfferRunningOnes() {
        for (String command : List.of("stop", "exec", "attach", "kill", "top", "stats")) {
            assertEquals(List.of("-paused", "-running"), offered("docker " + command + " "), command);
        }
        assertEquals(List.of("-paused", "-running"), offered("docker stop -t 5 "));
    }

    @Test
    void pauseOffersUnpausedAndUnpausePausedOnes() {
        assertEquals(List.of("-running"), offered("docker pause "));
        assertEquals(List.of("-paused"), offered("docker unpause "));
    }

    @Test
    void rmLogsInspectOfferAnyContainer() {
        for (String command : List.of("rm", "logs", "restart", "wait", "rename", "port")) {
            assertEquals(List.of("-created", "-exited", "-paused", "-running"), offered("docker " + command + " "), command);
        }
    }

    @Test
    void execCompletesOnlyItsContainerNotTheCommand() {
        assertEquals(List.of(), offered("docker exec " + P + "-running "));
    }

    @Test
    void networksAndVolumes() {
        assertEquals(List.of("-net"), offered("docker network rm "));
        assertEquals(List.of("-net"), offered("docker network inspect "));
        assertEquals(List.of("-vol"), offered("docker volume rm "));
        assertEquals(List.of("-created", "-exited", "-paused", "-running"), offered("docker network connect " + P + "-net "));
    }

    @Test
    void imagesForRunRmiPullAndHistory() {
        for (String command : List.of("run", "create", "rmi", "history", "image rm", "pull")) {
            List<String> images = SESSION.assistant().complete("docker " + command + " busy", ("docker " + command + " busy")
                    .length()).matches();
            assertTrue(images.contains("busybox"), command + ": " + images);
        }
        List<String> afterImage = SESSION.assistant().complete("docker run busybox bu", "docker run busybox bu".length())
                .matches();
        assertEquals(List.of(), afterImage);
    }

    @Test
    void flagValuesComplete() {
        assertTrue(SESSION.assistant().complete("docker kill -s SIGK", "docker kill -s SIGK".length()).matches()
                .contains("SIGKILL"));
        assertTrue(SESSION.assistant().complete("docker ps --format ta", "docker ps --format ta".length()).matches()
                .contains("table"));
        assertTrue(SESSION.assistant().complete("docker ps --filter sta", "docker ps --filter sta".length()).matches()
                .contains("status="));
        assertTrue(SESSION.assistant().complete("docker ps --format=js", "docker ps --format=js".length()).matches()
                .contains("--format=json"));
        assertTrue(SESSION.assistant().complete("docker inspect --type ", "docker inspect --type ".length()).matches()
                .contains("volume"));
        // the flags issue 23 adds, completed beside the others
        for (String[] typed : new String[][]{{"docker stop -s SIGK", "SIGKILL"}, {"docker restart --signal SIGT", "SIGTERM"},
                {"docker network prune --filter un", "until="}, {"docker volume prune --filter la", "label="},
                {"docker pull --platform linux/a", "linux/amd64"}, {"docker network pr", "prune"},
                {"docker network create --sub", "--subnet"}, {"docker network connect --al", "--alias"},
                {"docker logs --unt", "--until"}, {"docker cp -", "--archive"}, {"docker system df -", "--verbose"}}) {
            assertTrue(SESSION.assistant().complete(typed[0], typed[0].length()).matches().contains(typed[1]), typed[0]);
        }
    }

    @Test
    void flagsAndSubcommandsComeFromTheDeclarations() {
        List<String> flags = SESSION.assistant().complete("docker stop -", "docker stop -".length()).matches();
        assertTrue(flags.contains("--timeout") && flags.contains("-t"), flags.toString());
        assertFalse(flags.contains("--all"));
        List<String> volume = SESSION.assistant().complete("docker volume ", "docker volume ".length()).matches();
        assertEquals(List.of("create", "inspect", "ls", "prune", "rm"), volume);
    }
}
