package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.WaitContainerCondition;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.stream.ContainerOutput;
import io.github.dockerlessons.command.stream.StdinSource;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.HijackedStream;
import io.github.dockerlessons.render.TerminalText;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A container run in the foreground, as {@code docker run}, {@code docker start -a} and
 * {@code docker attach} do it: attach first (so no output is lost), ask to be told of the exit,
 * start, stream the output as it comes, and return the container's exit status once its streams
 * have drained. The stop button sends SIGINT, as the CLI's signal proxy does, and gives the
 * container a moment to end. A kernel that ends during the cell takes the container with it.
 */
final class ForegroundAttach {
    /** After the exit, how long the last output may take to arrive. */
    private static final long DRAIN_SECONDS = 5;
    /** After SIGINT, how long a container may take to end before the cell lets go of it. */
    private static final long GRACE_MS = 1200;
    /** The SIGINT and the look at the container's state are quick calls, kept within the grace. */
    private static final Duration SIGNAL_LIMIT = Duration.ofMillis(700);
    /** When the kernel ends, how long the engine may take to remove a foreground container. */
    private static final Duration KERNEL_END_LIMIT = Duration.ofMillis(1200);

    /**
     * How to follow a container.
     *
     * @param stdin        where the program's input comes from
     * @param tty          whether the container has a TTY (one raw stream, a terminal's window)
     * @param removeOnExit {@code --rm}: the exit is seen once the engine has removed it
     * @param start        the engine call that starts it (nothing for attach to a running one)
     */
    record Plan(StdinSource stdin, boolean tty, boolean removeOnExit, Engine.Call<?> start) { }

    private ForegroundAttach() {
    }

    static int run(CommandContext ctx, String id, Plan plan)
            throws DaemonError, DockerError, InterruptedException {
        ContainerOutput output = new ContainerOutput(ctx.console(), plan.tty());
        if (!plan.tty()) {
            output.expectMultiplexed(); // as the CLI's stdcopy: a chunk without a header is an error
        }
        WaitContainerResultCallback exit = new WaitContainerResultCallback();
        HijackedStream hijacked;
        try {
            hijacked = plan.stdin().attaches() ? ctx.hijack(
                    "/containers/" + Engine.encode(id) + "/attach?stream=1&stdin=1&stdout=1&stderr=1", null,
                    plan.tty()) : null;
        } catch (InterruptedException e) {
            removeUnstarted(ctx, id, plan); // stopped before the start, while the stream was opening
            throw e;
        }
        Runnable sigint = () -> interruptContainer(ctx, id, exit);
        ctx.cancellation().onInterrupt(sigint);
        Runnable atKernelEnd = () -> endWithKernel(ctx, id, plan);
        if (plan.start() != null) {
            ctx.cancellation().onKernelEnd(atKernelEnd);
        }
        try {
            try {
                attachAndWatch(ctx, id, plan, output, exit, hijacked);
                if (ctx.cancellation().isCancelled()) {
                    throw new InterruptedException();
                }
            } catch (InterruptedException e) {
                // Stopped before the start: an interrupt during the attach or the wait lands here too.
                removeUnstarted(ctx, id, plan);
                throw e;
            }
            if (plan.start() != null) {
                ctx.answer(plan.start());
            }
            if (ctx.cancellation().isCancelled()) {
                // The stop button came while the engine was starting it: the SIGINT went nowhere.
                interruptContainer(ctx, id, exit);
                throw new InterruptedException();
            }
            if (plan.tty()) {
                resize(ctx, id);
            }
            int status = ctx.untilDone(null, client -> exit.awaitStatusCode());
            if (hijacked != null) {
                hijacked.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
            } else {
                output.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
            }
            if (output.malformed() != null) {
                throw new DockerError(1, output.malformed(), output.malformedHint());
            }
            return status;
        } finally {
            ctx.cancellation().removeInterruptHook(sigint);
            ctx.cancellation().removeKernelEndHook(atKernelEnd);
            ctx.cancellation().unregister(output);
            ctx.cancellation().unregister(exit);
            closeQuietly(output);
            closeQuietly(exit);
            if (hijacked != null) {
                ctx.cancellation().unregister(hijacked);
                closeQuietly(hijacked);
            }
        }
    }

    /** Attaches to the container's streams and starts watching for its exit (or removal, for --rm). */
    private static void attachAndWatch(CommandContext ctx, String id, Plan plan, ContainerOutput output,
                                       WaitContainerResultCallback exit, HijackedStream hijacked)
            throws DaemonError, DockerError, InterruptedException {
        if (hijacked != null) {
            if (plan.tty()) {
                output.answerThrough(hijacked::send);
            }
            hijacked.start(plan.stdin().open(output), output);
        } else {
            ctx.answer(client -> {
                var attach = client.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true);
                if (plan.stdin().attaches()) {
                    InputStream stdin = plan.stdin().open(output);
                    attach.withStdIn(stdin);
                }
                attach.exec(ctx.cancellation().register(output));
                output.awaitStarted(10, TimeUnit.SECONDS);
                return null;
            });
        }
        ctx.answer(client -> client.waitContainerCmd(id)
                .withCondition(plan.removeOnExit() ? WaitContainerCondition.REMOVED : WaitContainerCondition.NEXT_EXIT)
                .exec(ctx.cancellation().register(exit)));
    }

    /** SIGINT as the CLI's signal proxy sends it, a moment to end, and a note if it still runs. */
    private static void interruptContainer(CommandContext ctx, String id, WaitContainerResultCallback exit) {
        try {
            ctx.evenAfterStop(SIGNAL_LIMIT, client -> client.killContainerCmd(id).withSignal("SIGINT").exec());
            exit.awaitCompletion(GRACE_MS, TimeUnit.MILLISECONDS);
            // What the engine says, not what the wait stream says: it may end for other reasons.
            boolean running = ctx.evenAfterStop(SIGNAL_LIMIT, client ->
                    Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning()));
            if (running) {
                ctx.cancellation().note(ctx.messages().get("interrupt.still.running", shortId(id)));
            }
        } catch (Exception e) {
            // not running (yet or any more), or no engine: nothing left to stop
        }
    }

    /**
     * The kernel ends while the cell runs (shutdown, its parent gone, SIGTERM): the container the
     * cell started in the foreground does not outlive it. A {@code --rm} one is removed, as the CLI's
     * {@code --rm} removes it when the CLI is interrupted; another is killed and kept, so its logs
     * can still be read. A container the cell only attached to was started by someone else and is
     * left alone. The kernel's exit waits for this at most {@link #KERNEL_END_LIMIT}.
     */
    private static void endWithKernel(CommandContext ctx, String id, Plan plan) {
        try {
            if (plan.removeOnExit()) {
                ctx.evenAfterStop(KERNEL_END_LIMIT, client -> client.removeContainerCmd(id).withForce(true).exec());
            } else {
                ctx.evenAfterStop(KERNEL_END_LIMIT, client -> client.killContainerCmd(id).exec());
            }
        } catch (Exception e) {
            // already gone, never started, or no engine: nothing is left to end
        }
    }

    /**
     * Stopped before the container started: a {@code --rm} container is removed, as the CLI's own
     * clean-up does, so no "Created" container is left behind.
     */
    private static void removeUnstarted(CommandContext ctx, String id, Plan plan) {
        if (!plan.removeOnExit() || plan.start() == null) {
            return;
        }
        try {
            ctx.evenAfterStop(Duration.ofSeconds(5), client -> client.removeContainerCmd(id).withForce(true).exec());
        } catch (Exception e) {
            ctx.cancellation().note(ctx.messages().get("interrupt.created.left", shortId(id)));
        }
    }

    /** A TTY needs a size: programs such as redis-cli hang on a 0x0 terminal. */
    private static void resize(CommandContext ctx, String id) {
        try {
            ctx.answer(client -> client.resizeContainerCmd(id)
                    .withSize(TerminalText.ROWS, TerminalText.COLUMNS).exec());
        } catch (Exception ignored) {
            // the container may already have ended
        }
    }

    static String shortId(String id) {
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
