package io.github.dockerlessons.session;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a cell answers without needing an engine. */
class SessionTest {
    private final Session session = new Session(DockerCommands.registry(),
            new EngineGateway(EngineDiscovery.fixed("unix:///nonexistent/docker.sock")),
            new Messages(Messages.KOREAN), Map.of(), Clock.systemUTC());
    private final RecordingConsole console = new RecordingConsole();

    @Test
    void programsThatRunInContainersPointToDockerExec() {
        CellError e = assertThrows(CellError.class, () -> session.run("redis-cli ping", console));
        assertEquals(127, e.status());
        assertEquals("redis-cli: docker 명령이 아닙니다", e.lines().get(0));
        assertTrue(e.hint().contains("docker exec"), e.hint());
    }

    @Test
    void otherProgramsAreNamed() {
        CellError e = assertThrows(CellError.class, () -> session.run("kubectl get pods", console));
        assertEquals("kubectl: docker 명령이 아닙니다", e.lines().get(0));
    }

    @Test
    void syntaxErrorsAreKoreanAndNameTheConstruct() {
        CellError e = assertThrows(CellError.class, () -> session.run("docker ps | grep x", console));
        assertTrue(e.lines().get(0).contains("파이프(|)"), e.lines().get(0));
    }

    @Test
    void variablesPersistAcrossCells() throws Exception {
        session.run("NAME=web", console);
        CellError e = assertThrows(CellError.class, () -> session.run("docker rm $NAME $UNSET", console));
        assertTrue(e.lines().get(0).contains("UNSET"), e.lines().get(0));
    }

    @Test
    void aCellStopsAtItsFirstFailure() {
        CellError e = assertThrows(CellError.class, () -> session.run("docker frobnicate\ndocker --help", console));
        assertEquals("docker: unknown command: docker frobnicate", e.lines().get(0));
        assertEquals("", console.out.toString());
    }

    @Test
    void helpAndAssignmentsNeedNoEngine() throws Exception {
        session.run("X=1\ndocker", console);
        assertTrue(console.out.toString().startsWith("Usage:  docker [OPTIONS] COMMAND"));
    }

    @Test
    void noEngineIsAnErrorWithAHintAndTheSessionGoesOn() throws Exception {
        CellError e = assertThrows(CellError.class, () -> session.run("docker ps", console));
        assertTrue(e.lines().get(0).startsWith("Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock"));
        assertTrue(e.hint().contains("install/engine start"), e.hint());
        session.run("docker --help", console);
    }

    @Test
    void aCellStoppedBeforeItBeganEndsAsStoppedAndTheNextCellRuns() throws Exception {
        CellError e = assertThrows(CellError.class, () -> session.run("X=1\ndocker --help", null, console, () -> true));
        assertEquals(130, e.status());
        assertEquals("", console.out.toString());
        session.run("docker --help", null, console, () -> false);
        assertTrue(console.out.toString().startsWith("Usage:  docker [OPTIONS] COMMAND"));
    }
}
