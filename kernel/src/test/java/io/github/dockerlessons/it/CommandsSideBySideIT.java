package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commands hold no state between runs and the registry holds no lock: a listing runs while a cell
 * follows a container's log, as a live panel will run {@code docker ps} beside the cells.
 */
class CommandsSideBySideIT {
    private final String name = "side-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> env = System.getenv();
    private final EngineGateway engine = new EngineGateway(EngineDiscovery.forThisMachine(env));
    private final CommandRegistry registry = DockerCommands.registry();
    private final Session session = new Session(registry, engine, new Messages(Messages.ENGLISH), env, Clock.systemUTC());

    @AfterEach
    void cleanUp() {
        try {
            session.run("docker rm -f " + name, new RecordingConsole());
        } catch (CellError ignored) {
            // already gone
        }
    }

    @Test
    void psRunsWhileACellFollowsLogs() throws Exception {
        session.run("docker run -d --name " + name + " busybox sh -c 'while true; do echo tick; sleep 0.2; done'",
                new RecordingConsole());
        RecordingConsole following = new RecordingConsole();
        CompletableFuture<Void> cell = CompletableFuture.runAsync(() -> {
            try {
                session.run("docker logs -f " + name, following);
            } catch (CellError e) {
                // the interrupt ends it
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!following.out.toString().contains("tick") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(following.out.toString().contains("tick"), "logs -f did not start following");
        RecordingConsole listing = new RecordingConsole();
        CommandContext beside = new CommandContext(engine, listing, new Messages(Messages.ENGLISH), null,
                new Cancellation(), Clock.systemUTC(), Duration.ofSeconds(30));
        long start = System.nanoTime();
        CompletableFuture.runAsync(() -> {
            try {
                registry.dispatch(List.of("ps", "--format", "{{.Names}}"), beside);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertTrue(listing.out.toString().contains(name), listing.out.toString());
        assertFalse(cell.isDone(), "the followed log ended on its own");
        session.interrupt();
        cell.get(5, TimeUnit.SECONDS);
    }
}
