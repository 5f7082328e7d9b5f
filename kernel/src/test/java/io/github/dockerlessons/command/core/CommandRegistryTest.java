package io.github.dockerlessons.command.core;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flag and argument errors are answered before any engine is contacted, in the CLI's exact words. */
class CommandRegistryTest {
    private final CommandRegistry registry = DockerCommands.registry();
    private final RecordingConsole console = new RecordingConsole();
    private final EngineGateway noEngine = new EngineGateway(EngineDiscovery.fixed("unix:///nonexistent/docker.sock"));
    private final CommandContext ctx = new CommandContext(noEngine,
            console, new Messages(Messages.ENGLISH), null, new Cancellation(), Clock.systemUTC(), Duration.ofSeconds(30));

    private DockerError fail(String... argv) {
        return assertThrows(DockerError.class, () -> registry.dispatch(Arrays.asList(argv), ctx));
    }

    @Test
    void unknownFlag() {
        DockerError e = fail("run", "--foo", "busybox");
        assertEquals(125, e.status());
        assertEquals("unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                + "Run 'docker run --help' for more information", e.cliText());
    }

    @Test
    void unknownShorthandFlag() {
        assertTrue(fail("run", "-z", "busybox").cliText().startsWith("unknown shorthand flag: 'z' in -z\n"));
        assertTrue(fail("ps", "-az").cliText().startsWith("unknown shorthand flag: 'z' in -az\n"));
    }

    @Test
    void flagNeedsAnArgument() {
        assertTrue(fail("run", "--name").cliText().startsWith("flag needs an argument: --name\n"));
    }

    @Test
    void invalidInteger() {
        DockerError e = fail("stop", "-t", "abc", "x");
        assertEquals("invalid argument \"abc\" for \"-t, --timeout\" flag: strconv.ParseInt: parsing \"abc\": "
                + "invalid syntax\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\n"
                + "Run 'docker stop --help' for more information", e.cliText());
        assertEquals(125, e.status());
    }

    @Test
    void argumentCounts() {
        assertEquals("docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE "
                + "[COMMAND] [ARG...]\n\nSee 'docker run --help' for more information", fail("run").cliText());
        assertEquals(1, fail("run").status());
        assertTrue(fail("ps", "x").cliText().startsWith("docker: 'docker ps' accepts no arguments\n"));
        assertTrue(fail("logs").cliText().startsWith("docker: 'docker logs' requires 1 argument\n"));
        assertTrue(fail("logs").cliText().endsWith("Run 'docker logs --help' for more information"));
        assertTrue(fail("exec", "x").cliText().startsWith("docker: 'docker exec' requires at least 2 arguments\n"));
    }

    @Test
    void unknownCommand() {
        DockerError e = fail("frobnicate");
        assertEquals("docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information",
                e.cliText());
        assertEquals("hint.unknown.command", e.hintKey());
    }

    @Test
    void flagsAfterTheImageBelongToTheContainer() throws Exception {
        // Parsed as run's arguments, so the only failure is the missing engine, not a flag error.
        DockerError e = fail("run", "--rm", "busybox", "ls", "-la", "--foo");
        assertTrue(e.cliText().startsWith("Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock"),
                e.cliText());
    }

    @Test
    void helpHasTheUsageLineWordForWordAndEveryOption() throws Exception {
        registry.dispatch(Arrays.asList("stop", "--help"), ctx);
        assertEquals("Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nStop one or more running containers\n\n"
                + "Aliases:\n  docker container stop, docker stop\n\nOptions:\n"
                + "  -s, --signal string   Signal to send to the container\n"
                + "  -t, --timeout int     Seconds to wait before killing the container\n", console.out.toString());
    }

    @Test
    void helpInKorean() throws Exception {
        CommandContext korean = new CommandContext(noEngine, console, new Messages(Messages.KOREAN), null,
                new Cancellation(), Clock.systemUTC(), Duration.ofSeconds(30));
        registry.dispatch(Arrays.asList("ps", "--help"), korean);
        assertTrue(console.out.toString().startsWith("Usage:  docker ps [OPTIONS]\n\n컨테이너 목록을 보여줍니다\n"));
        assertTrue(console.out.toString().matches("(?s).*\\n  -a, --all +모든 컨테이너를 보여줍니다.*"), console.out.toString());
    }

    @Test
    void managementForms() {
        assertTrue(fail("container", "ls", "x").cliText().startsWith("docker: 'docker container ls' accepts no arguments"));
    }

    @Test
    void noEngineFailsFastInTheCliWords() {
        long start = System.nanoTime();
        DockerError e = fail("ps", "-a");
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertEquals("Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock. "
                + "Is the docker daemon running?\n"
                + "  unix:///nonexistent/docker.sock (DOCKER_HOST): no such file or directory", e.cliText());
        assertEquals("hint.no.engine", e.hintKey());
    }
}
