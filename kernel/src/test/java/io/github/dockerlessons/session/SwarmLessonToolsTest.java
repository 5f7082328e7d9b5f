package io.github.dockerlessons.session;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.FakeDaemon;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lesson 13's tools over a fake swarm manager (issue 24): the {@code %%check} facts about services,
 * nodes and stacks, {@code %context} in a check, {@code %live docker service ps|node ls} and the
 * {@code %cluster} picture.
 */
class SwarmLessonToolsTest {
    /** Three nodes, node3 drained; web (nginx, 3 wanted) runs 2 tasks and starts a third; a stack of 2. */
    private static final String NODES = "[{\"ID\":\"n1\",\"Description\":{\"Hostname\":\"node1\"},\"Status\":{\"State\":\"ready\"},"
            + "\"Spec\":{\"Role\":\"manager\",\"Availability\":\"active\"},\"ManagerStatus\":{\"Leader\":true}},"
            + "{\"ID\":\"n2\",\"Description\":{\"Hostname\":\"node2\"},\"Status\":{\"State\":\"ready\"},"
            + "\"Spec\":{\"Role\":\"worker\",\"Availability\":\"active\"}},"
            + "{\"ID\":\"n3\",\"Description\":{\"Hostname\":\"node3\"},\"Status\":{\"State\":\"down\"},"
            + "\"Spec\":{\"Role\":\"worker\",\"Availability\":\"drain\"}}]";
    private static final String SERVICES = "[{\"ID\":\"s1\",\"Spec\":{\"Name\":\"web\",\"Mode\":{\"Replicated\":{\"Replicas\":3}},"
            + "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"nginx:latest@sha256:abc\"}}}},"
            + "{\"ID\":\"s2\",\"Spec\":{\"Name\":\"visits_redis\",\"Labels\":{\"com.docker.stack.namespace\":\"visits\"},"
            + "\"Mode\":{\"Global\":{}},\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"redis\"}}}}]";
    private static final String TASKS = "[{\"ID\":\"t1\",\"ServiceID\":\"s1\",\"Slot\":1,\"NodeID\":\"n1\",\"Status\":{\"State\":\"running\"}},"
            + "{\"ID\":\"t2\",\"ServiceID\":\"s1\",\"Slot\":2,\"NodeID\":\"n2\",\"Status\":{\"State\":\"running\"}},"
            + "{\"ID\":\"t3\",\"ServiceID\":\"s1\",\"Slot\":3,\"NodeID\":\"n2\",\"Status\":{\"State\":\"starting\"}},"
            + "{\"ID\":\"t4\",\"ServiceID\":\"s2\",\"NodeID\":\"n1\",\"Status\":{\"State\":\"running\"}}]";

    @TempDir
    Path home;

    private final Messages messages = new Messages(Messages.ENGLISH);

    private FakeDaemon manager() {
        return new FakeDaemon()
                .on("GET", "/nodes", FakeDaemon.json(200, NODES))
                .on("GET", "/services", exchange -> FakeDaemon.json(200, exchange.query().contains("stack.namespace")
                        ? "[{\"ID\":\"s2\"},{\"ID\":\"s3\"}]" : SERVICES))
                .on("GET", "/services/*", exchange -> FakeDaemon.json(200, exchange.path().endsWith("s2")
                        ? "{\"ID\":\"s2\",\"Spec\":{\"Name\":\"visits_redis\"}}" : "{\"ID\":\"s1\",\"Spec\":{\"Name\":\"web\"}}"))
                .on("GET", "/nodes/*", exchange -> FakeDaemon.json(200, "{\"Description\":{\"Hostname\":\"node"
                        + exchange.path().substring(exchange.path().length() - 1) + "\"}}"))
                .on("GET", "/tasks", FakeDaemon.json(200, TASKS))
                .on("GET", "/info", FakeDaemon.json(200, "{\"Swarm\":{\"NodeID\":\"n1\"}}"));
    }

    private Engine engine(FakeDaemon daemon) {
        return EngineGateway.inMemory(new EngineDiscovery(new LocalMachine(Map.of("DOCKER_HOST", "unix:///fake.sock",
                "DOCKER_CONFIG", home.toString()), home, OperatingSystem.LINUX, OptionalInt.empty(), p -> false)), daemon);
    }

    private List<Checks.Outcome> check(String body) throws Exception {
        CommandContext ctx = new CommandContext(engine(manager()), Console.NOWHERE, messages, null, new Cancellation(),
                Clock.systemUTC(), Duration.ofSeconds(5));
        return new Checks(DockerCommands.registry(), messages).evaluate(body, new ArrayList<>(), ctx);
    }

    @Test
    void serviceFactsCountRunningTasksAgainstTheWantedReplicas() throws Exception {
        List<Checks.Outcome> outcomes = check("service web replicas 3\nservice web replicas 2\nservice web image nginx\n"
                + "service web image nginx:1.25\nservice web present\nservice nope absent\nservice nope replicas 1");
        assertFalse(outcomes.get(0).holds());
        assertEquals("2/3", outcomes.get(0).found()); // the third task is still starting
        assertTrue(outcomes.get(0).hint().contains("docker service scale web="), outcomes.get(0).hint());
        assertFalse(outcomes.get(1).holds());
        assertTrue(outcomes.get(2).holds(), "nginx is nginx:latest, whatever its digest");
        assertFalse(outcomes.get(3).holds());
        assertEquals("nginx:latest", outcomes.get(3).found());
        assertTrue(outcomes.get(4).holds());
        assertTrue(outcomes.get(5).holds());
        assertEquals("no such service", outcomes.get(6).found());
    }

    @Test
    void nodeFactsReadStateAndAvailability() throws Exception {
        List<Checks.Outcome> outcomes = check("node node1 ready\nnode node1 active\nnode node3 drain\nnode node3 ready\n"
                + "node n2 active\nnode node9 ready");
        assertTrue(outcomes.get(0).holds() && outcomes.get(1).holds() && outcomes.get(2).holds() && outcomes.get(4).holds());
        assertFalse(outcomes.get(3).holds());
        assertEquals("down, drain", outcomes.get(3).found());
        assertEquals("no such node", outcomes.get(5).found());
    }

    @Test
    void aStackCountsTheServicesCarryingItsLabel() throws Exception {
        List<Checks.Outcome> outcomes = check("stack visits services 2\nstack visits services 3");
        assertTrue(outcomes.get(0).holds());
        assertEquals("2", outcomes.get(1).found());
        assertTrue(outcomes.get(1).hint().contains("docker stack deploy -c"), outcomes.get(1).hint());
    }

    @Test
    void aMalformedSwarmFactIsTheCellsErrorNamingItsLine() {
        for (String fact : List.of("service web replicas many", "service web", "node node1 sleepy", "stack visits 2",
                "service web present now")) {
            Magics.CellFailure e = assertThrows(Magics.CellFailure.class, () -> check(fact));
            assertTrue(e.getMessage().startsWith("line 2: \"" + fact + "\""), e.getMessage());
            assertTrue(e.getMessage().contains("stack NAME services N"), e.getMessage());
        }
        assertThrows(Magics.CellFailure.class, () -> check("%context\nnode node1 ready"));
    }

    @Test
    void factsUnderAContextAskThatEngine() throws Exception {
        // A context whose engine does not answer: the fact under it fails in the CLI's words, the one above it holds.
        List<Checks.Outcome> outcomes = check("node node1 ready\n%context nowhere\nnode node1 ready");
        assertTrue(outcomes.get(0).holds());
        assertFalse(outcomes.get(1).holds());
        assertTrue(outcomes.get(1).found().contains("nowhere"), outcomes.get(1).found());
    }

    @Test
    void liveSwarmListingsAndTheClusterPictureArePanels() throws Exception {
        Session session = new Session(DockerCommands.registry(), engine(manager()), messages, Map.of(), Clock.systemUTC());
        RecordingConsole console = new RecordingConsole();
        session.run("%live docker service ps web\n%live docker node ls\n%cluster", console);
        assertEquals(3, console.displays.size());
        String tasks = console.displays.get(0).plainText();
        assertTrue(tasks.startsWith("● live 1 · docker service ps web\n"), tasks);
        // A task without a time is as old as Go's largest duration, as the CLI shows it (not a Java overflow).
        assertTrue(tasks.contains("web.3") && tasks.contains("Starting 292 years ago"), tasks);
        assertTrue(console.displays.get(1).plainText().contains("node3"), console.displays.get(1).plainText());
        Bundle picture = console.displays.get(2);
        String text = picture.plainText();
        assertTrue(text.startsWith("● live 3 · %cluster\n"), text);
        assertTrue(text.contains("node1*") && text.contains("visits_redis web.1"), text);
        assertTrue(text.contains("web.3(starting)"), text);
        assertTrue(text.contains("web · nginx:latest · 2/3") && text.contains("visits_redis · redis · 1/global"), text);
        String svg = (String) picture.data().get("image/svg+xml");
        assertTrue(svg.startsWith("<svg") && svg.contains(">node3</text>") && svg.contains("stroke-dasharray=\"6,4\""), svg);
        assertFalse(svg.contains("<script"), svg);
    }

    @Test
    void aPanelOnAnUnknownContextOrAWrongClusterLineFailsInWords() {
        Session session = new Session(DockerCommands.registry(), engine(manager()), messages, Map.of(), Clock.systemUTC());
        RecordingConsole console = new RecordingConsole();
        CellError e = assertThrows(CellError.class, () -> session.run("%live docker -c nowhere node ls", console));
        assertTrue(e.lines().get(0).contains("context \"nowhere\""), e.lines().toString());
        CellError usage = assertThrows(CellError.class, () -> session.run("%cluster node1", console));
        assertTrue(usage.lines().get(0).startsWith("Usage: %cluster [-c CONTEXT | -H HOST]"), usage.lines().toString());
        Session outside = new Session(DockerCommands.registry(), engine(new FakeDaemon().on("GET", "/nodes",
                FakeDaemon.error(503, "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" "
                        + "to connect this node to swarm and try again."))), messages, Map.of(), Clock.systemUTC());
        CellError notManager = assertThrows(CellError.class, () -> outside.run("%cluster", new RecordingConsole()));
        assertTrue(notManager.lines().get(0).startsWith("Error response from daemon: This node is not a swarm manager."), notManager.lines().toString());
    }
}
