package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.compose.ComposeProject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What an attached {@code compose up} does on Ctrl-C, for the stop button: "Gracefully stopping...",
 * then every container stopped as {@code compose stop} would, shown as Compose shows it. The stop
 * button has already cancelled the command's own calls, so these go to the engine directly; the cell
 * waits a short while for them, not the whole stop grace period (the stop button ends a cell within
 * seconds), and notes the containers the engine is still stopping.
 */
public final class GracefulStop {
    private static final long WAIT_MS = 1500;
    private static final Duration CALL_LIMIT = Duration.ofMinutes(5);

    private GracefulStop() {
    }

    public static void run(CommandContext ctx, ComposeProject project, List<ContainerSummary> containers, LogPanel logs) {
        logs.status(null, "Gracefully stopping... (press Ctrl+C again to force)");
        logs.finish();
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Stopping");
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ContainerSummary c : containers) {
            String id = "Container " + ProjectContainers.name(c);
            ComposeProject.Service service = project.services().get(ProjectContainers.service(c));
            Integer grace = service == null ? null : service.stopGraceSeconds();
            progress.working(id, "Stopping");
            stops.add(CompletableFuture.runAsync(() -> {
                try {
                    ctx.evenAfterStop(CALL_LIMIT, client -> {
                        var cmd = client.stopContainerCmd(c.getId());
                        if (grace != null) {
                            cmd.withTimeout(grace);
                        }
                        return cmd.exec();
                    });
                } catch (Exception ignored) {
                    // already stopped, or gone: either way it no longer runs
                }
                progress.done(id, "Stopped");
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        for (int i = 0; i < stops.size(); i++) {
            long left = deadline - System.nanoTime();
            try {
                stops.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                ctx.cancellation().note(ctx.messages().get("interrupt.engine.stopping", ProjectContainers.name(containers.get(i))));
            }
        }
        progress.finish();
    }
}
