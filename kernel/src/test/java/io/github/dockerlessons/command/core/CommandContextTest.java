package io.github.dockerlessons.command.core;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three kinds of engine call map "no engine" to the CLI's error in one place, so no command
 * catches EngineUnreachable; a command over several targets stops at it instead of repeating it.
 */
class CommandContextTest {
    private final RecordingConsole console = new RecordingConsole();
    private final CommandContext ctx = new CommandContext(
            new EngineGateway(EngineDiscovery.fixed("unix:///nonexistent/docker.sock")),
            console, new Messages(Messages.ENGLISH), null, new Cancellation(), Clock.systemUTC(), Duration.ofSeconds(30));

    private static void assertNoEngine(DockerError e) {
        assertTrue(e.noEngine());
        assertEquals(1, e.status());
        assertTrue(e.cliText().startsWith("Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock"),
                e.cliText());
    }

    @Test
    void everyKindOfCallSaysNoEngineInTheCliWords() {
        assertNoEngine(assertThrows(DockerError.class, () -> ctx.answer(client -> client.pingCmd().exec())));
        assertNoEngine(assertThrows(DockerError.class, () -> ctx.answer(RawRequest.text("/version"))));
        assertNoEngine(assertThrows(DockerError.class, () -> ctx.untilDone(null, client -> client.pingCmd().exec())));
        assertNoEngine(assertThrows(DockerError.class, () -> ctx.untilDone("still", RawRequest.text("/info"))));
        assertNoEngine(assertThrows(DockerError.class,
                () -> ctx.evenAfterStop(Duration.ofSeconds(5), client -> client.pingCmd().exec())));
        assertNoEngine(assertThrows(DockerError.class,
                () -> ctx.evenAfterStop(Duration.ofSeconds(5), RawRequest.text("/info"))));
    }

    @Test
    void severalTargetsStopAtNoEngine() {
        List<String> tried = new ArrayList<>();
        DockerError e = assertThrows(DockerError.class, () -> Targets.forEach(ctx, List.of("a", "b", "c"), true,
                target -> {
                    tried.add(target);
                    ctx.answer(client -> client.pingCmd().exec());
                    return true;
                }));
        assertNoEngine(e);
        assertEquals(List.of("a"), tried);
    }
}
