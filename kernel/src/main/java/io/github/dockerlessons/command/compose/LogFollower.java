package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import io.github.dockerlessons.api.ContainerSummary;
import com.github.dockerjava.api.model.Frame;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.engine.DaemonError;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Several containers' logs into one {@link LogPanel}, as {@code compose logs} and an attached
 * {@code compose up} show them. Without follow, each container's logs come whole, one container
 * after the other (so two runs print the same); with follow, all at once until every container has
 * stopped (each end said as Compose says it: "web-1 exited with code 0") or the stop button.
 */
public final class LogFollower {
    /** Which logs of a container: all, the last {@code tail} lines, and from when. */
    public record Selection(Integer tail, Integer sinceEpochSeconds, boolean timestamps) { }

    private final CommandContext ctx;
    private final String project;
    private final LogPanel panel;

    public LogFollower(CommandContext ctx, String project, LogPanel panel) {
        this.ctx = ctx;
        this.project = project;
        this.panel = panel;
    }

    /** Each container's logs so far, one container after the other. */
    public void printAll(List<ContainerSummary> containers, Selection selection) throws DaemonError, DockerError, InterruptedException {
        for (ContainerSummary c : containers) {
            panel.register(ComposeNames.logName(project, ProjectContainers.name(c)));
        }
        for (ContainerSummary c : containers) {
            ResultCallback.Adapter<Frame> callback = panel.follow(ComposeNames.logName(project, ProjectContainers.name(c)));
            try {
                ctx.untilDone(null, client -> open(client, c.getId(), selection, false, selection.sinceEpochSeconds())
                        .exec(ctx.cancellation().register(callback)).awaitCompletion());
            } finally {
                ctx.cancellation().unregister(callback);
            }
        }
    }

    /** How long a follow lasts: until every container has ended, or until the first ends (or fails), as up's --abort-on-... */
    public enum Until { ALL_ENDED, FIRST_EXIT, FIRST_FAILURE }

    /**
     * Follows every container until all have ended, or as {@code until} says; {@code sinceNow} holds
     * the containers whose earlier output is not to be shown (they were running already). Answers the
     * container whose end stopped the follow early, null when none did.
     */
    public ContainerSummary follow(List<ContainerSummary> containers, Selection selection, Set<String> sinceNow,
                            Until until) throws DockerError, InterruptedException {
        for (ContainerSummary c : containers) {
            panel.register(ComposeNames.logName(project, ProjectContainers.name(c)));
        }
        CountDownLatch ended = new CountDownLatch(containers.isEmpty() ? 0 : 1);
        AtomicInteger running = new AtomicInteger(containers.size());
        List<ResultCallback.Adapter<Frame>> callbacks = new ArrayList<>();
        AtomicReference<ContainerSummary> first = new AtomicReference<>();
        int now = (int) ctx.clock().instant().getEpochSecond();
        try {
            for (ContainerSummary c : containers) {
                String shown = ComposeNames.logName(project, ProjectContainers.name(c));
                ResultCallback.Adapter<Frame> inner = panel.follow(shown);
                ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        inner.onNext(frame);
                    }

                    @Override
                    public void onComplete() {
                        inner.onComplete();
                        Long code = exited(c, shown);
                        boolean stops = until == Until.FIRST_EXIT
                                || (until == Until.FIRST_FAILURE && code != null && code != 0);
                        if ((stops && first.compareAndSet(null, c)) | running.decrementAndGet() == 0) {
                            ended.countDown();
                        }
                        super.onComplete();
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        inner.onError(throwable);
                        if ((until == Until.FIRST_EXIT && first.compareAndSet(null, c)) | running.decrementAndGet() == 0) {
                            ended.countDown();
                        }
                        super.onError(throwable);
                    }
                };
                callbacks.add(ctx.cancellation().register(callback));
                Integer since = sinceNow.contains(c.getId()) ? Integer.valueOf(now) : selection.sinceEpochSeconds();
                ctx.answer(client -> open(client, c.getId(), selection, true, since).exec(callback));
            }
            ctx.untilDone(null, client -> {
                ended.await();
                return null;
            });
            if (ctx.cancellation().isCancelled()) {
                // The stop button closed the streams, which may end the wait before it is abandoned.
                throw new InterruptedException();
            }
            return first.get();
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        } finally {
            for (ResultCallback.Adapter<Frame> callback : callbacks) {
                ctx.cancellation().unregister(callback);
                try {
                    callback.close();
                } catch (IOException ignored) {
                    // the stream is over either way
                }
            }
        }
    }

    /** "web-1 exited with code 0", once the container has really ended; its exit code, null when unknown. */
    private Long exited(ContainerSummary c, String shown) {
        try {
            for (int tries = 0; tries < 20; tries++) {
                var state = ctx.evenAfterStop(Duration.ofSeconds(2),
                        client -> client.inspectContainerCmd(c.getId()).exec().getState());
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    panel.status(shown, "exited with code " + state.getExitCodeLong());
                    return state.getExitCodeLong();
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the stop button: the follower ends as it should
        } catch (Exception ignored) {
            // removed meanwhile, or no engine: nothing to say
        }
        return null;
    }

    private static LogContainerCmd open(DockerClient client,
            String id, Selection selection, boolean follow, Integer since) {
        var cmd = client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(follow)
                .withTimestamps(selection.timestamps());
        if (selection.tail() != null && selection.tail() >= 0) {
            cmd.withTail(selection.tail());
        } else {
            cmd.withTailAll();
        }
        if (since != null) {
            cmd.withSince(since);
        }
        return cmd;
    }
}
