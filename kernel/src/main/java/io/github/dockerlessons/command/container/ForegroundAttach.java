package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.WaitContainerCondition;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.engine.HijackedStream;
import io.github.dockerlessons.engine.StreamPump;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

/**
 * A container run in the foreground, as {@code docker run} and {@code docker start -a} do it: attach
 * first (so no output is lost), ask to be told of the exit, start, stream the output as it comes,
 * and return the container's exit status once its streams have drained.
 */
final class ForegroundAttach {
    /** After the exit, how long the last output may take to arrive. */
    private static final long DRAIN_SECONDS = 5;
    /** After SIGINT, how long a container may take to end before the cell lets go of it. */
    private static final long GRACE_MS = 1200;

    private ForegroundAttach() {
    }

    /**
     * Starts the container (through {@code start}) while attached, and returns its exit status.
     * With {@code stdin} (a heredoc) the attach is a {@link HijackedStream}, so that the end of the
     * heredoc reaches the program as EOF.
     */
    static int run(CommandContext ctx, String id, byte[] stdin, boolean tty, boolean removeOnExit,
                   EngineGateway.Call<?> start) throws DaemonError, EngineUnreachable, InterruptedException {
        return run(ctx, id, stdin, false, tty, removeOnExit, start);
    }

    /**
     * As above; with {@code ask}, the program's input comes from the frontend's input box, a line at
     * a time, until an empty answer.
     */
    static int run(CommandContext ctx, String id, byte[] stdin, boolean ask, boolean tty, boolean removeOnExit,
                   EngineGateway.Call<?> start) throws DaemonError, EngineUnreachable, InterruptedException {
        StreamPump pump = new StreamPump(ctx.console(), tty);
        WaitContainerResultCallback exit = new WaitContainerResultCallback();
        HijackedStream hijacked = stdin == null && !ask ? null : ctx.engine().hijack(
                "/containers/" + id + "/attach?stream=1&stdin=1&stdout=1&stderr=1", null, tty);
        Runnable sigint = () -> {
            try {
                ctx.engine().run(client -> client.killContainerCmd(id).withSignal("SIGINT").exec());
                exit.awaitCompletion(GRACE_MS, TimeUnit.MILLISECONDS);
                // What the engine says, not what the wait stream says: it may end for other reasons.
                boolean running = ctx.engine().call(client ->
                        Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning()));
                if (running) {
                    ctx.cancellation().note(ctx.messages().get("interrupt.still.running", shortId(id)));
                }
            } catch (Exception e) {
                // not running any more, or no engine: nothing left to stop
            }
        };
        ctx.cancellation().onInterrupt(sigint);
        try {
            if (hijacked != null) {
                ctx.cancellation().register(hijacked);
                hijacked.start(stdin, ctx.console(), pump);
            }
            ctx.engine().run(client -> {
                if (hijacked == null) {
                    var attach = client.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true);
                    if (stdin != null) {
                        attach.withStdIn(new ByteArrayInputStream(stdin));
                    }
                    attach.exec(ctx.cancellation().register(pump));
                    pump.awaitStarted(10, TimeUnit.SECONDS);
                }
                client.waitContainerCmd(id)
                        .withCondition(removeOnExit ? WaitContainerCondition.REMOVED : WaitContainerCondition.NEXT_EXIT)
                        .exec(ctx.cancellation().register(exit));
                return null;
            });
            if (ctx.cancellation().isCancelled()) {
                throw new InterruptedException(); // stopped before the container started: leave it unstarted
            }
            ctx.engine().run(start);
            if (tty) {
                resize(ctx, id);
            }
            int status = ctx.engine().call(client -> exit.awaitStatusCode());
            if (hijacked != null) {
                hijacked.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
            } else {
                pump.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
            }
            return status;
        } finally {
            ctx.cancellation().removeInterruptHook(sigint);
            ctx.cancellation().unregister(pump);
            ctx.cancellation().unregister(exit);
            closeQuietly(pump);
            closeQuietly(exit);
            if (hijacked != null) {
                ctx.cancellation().unregister(hijacked);
                closeQuietly(hijacked);
            }
        }
    }

    /** A TTY needs a size: programs such as redis-cli hang on a 0x0 terminal. */
    private static void resize(CommandContext ctx, String id) {
        try {
            ctx.engine().run(client -> {
                client.resizeContainerCmd(id).withSize(ROWS, COLUMNS).exec();
                return null;
            });
        } catch (Exception ignored) {
            // the container may already have ended
        }
    }

    static final int ROWS = 24;
    static final int COLUMNS = 80;

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the stream is over either way
        }
    }
}
