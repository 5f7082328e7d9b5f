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

    private ForegroundAttach() {
    }

    /**
     * Starts the container (through {@code start}) while attached, and returns its exit status.
     * With {@code stdin} (a heredoc) the attach is a {@link HijackedStream}, so that the end of the
     * heredoc reaches the program as EOF.
     */
    static int run(CommandContext ctx, String id, byte[] stdin, boolean tty, boolean removeOnExit,
                   EngineGateway.Call<?> start) throws DaemonError, EngineUnreachable, InterruptedException {
        StreamPump pump = new StreamPump(ctx.console());
        WaitContainerResultCallback exit = new WaitContainerResultCallback();
        HijackedStream hijacked = stdin == null ? null : ctx.engine().hijack(
                "/containers/" + id + "/attach?stream=1&stdin=1&stdout=1&stderr=1", null, tty);
        try {
            if (hijacked != null) {
                ctx.cancellation().register(hijacked);
                hijacked.start(stdin, pump);
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
            ctx.engine().run(start);
            int status = ctx.engine().call(client -> exit.awaitStatusCode());
            if (hijacked != null) {
                hijacked.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
            } else {
                pump.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
            }
            return status;
        } finally {
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

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the stream is over either way
        }
    }
}
