package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stops a project's containers as Compose does: dependants before what they depend on, containers
 * that do not wait for each other at the same time, each with its service's grace period.
 */
final class ProjectStopper {
    private final CommandContext ctx;

    ProjectStopper(CommandContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Stops containers with their stop grace period (or {@code timeout}), reporting each. As Compose
     * does, a container stops only after the containers that depend on it, and containers that do not
     * wait for each other stop at the same time.
     */
    public void stop(List<ContainerSummary> containers, Integer timeout, ProgressPanel progress, ComposeProject project)
            throws DockerError, InterruptedException {
        Map<Integer, List<ContainerSummary>> levels = new TreeMap<>();
        for (ContainerSummary c : containers) {
            levels.computeIfAbsent(project == null ? 0 : stopLevel(project, ProjectContainers.service(c), 0), k -> new ArrayList<>()).add(c);
        }
        for (List<ContainerSummary> level : levels.values()) {
            for (ContainerSummary c : level) {
                // each line in its place before the stops race each other, so the display reads the same every run
                progress.working("Container " + ProjectContainers.name(c), "Stopping");
            }
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (ContainerSummary c : level) {
                stops.add(CompletableFuture.runAsync(() -> {
                    try {
                        stopReported(c, timeout, progress, project);
                    } catch (DockerError | InterruptedException e) {
                        throw new CompletionException(e);
                    }
                }, STOPPERS));
            }
            for (CompletableFuture<Void> stop : stops) {
                try {
                    stop.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException
                            ? e.getCause().getCause() : e.getCause();
                    if (cause instanceof DockerError docker) {
                        throw docker;
                    }
                    if (cause instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }
    }

    private static final ExecutorService STOPPERS = Executors.newCachedThreadPool(
            task -> {
                Thread thread = new Thread(task, "compose-stop");
                thread.setDaemon(true);
                return thread;
            });

    /** 0 for a service nothing depends on, else one more than the deepest of its dependants. */
    private static int stopLevel(ComposeProject project, String service, int depth) {
        int level = 0;
        if (depth > project.services().size()) {
            return level;
        }
        for (ComposeProject.Service s : project.services().values()) {
            if (s.dependsOn().containsKey(service)) {
                level = Math.max(level, 1 + stopLevel(project, s.name(), depth + 1));
            }
        }
        return level;
    }

    private void stopReported(ContainerSummary c, Integer timeout, ProgressPanel progress, ComposeProject project)
            throws DockerError, InterruptedException {
        String id = "Container " + ProjectContainers.name(c);
        if (!"running".equals(c.getState()) && !"restarting".equals(c.getState()) && !"paused".equals(c.getState())) {
            progress.done(id, "Stopped");
            return;
        }
        progress.working(id, "Stopping");
        Integer grace = timeout;
        if (grace == null && project != null) {
            ComposeProject.Service s = project.services().get(ProjectContainers.service(c));
            grace = s == null ? null : s.stopGraceSeconds();
        }
        stopOne(c.getId(), grace);
        progress.done(id, "Stopped");
    }

    void stopOne(String containerId, Integer timeout) throws DockerError, InterruptedException {
        try {
            ctx.untilDone(ctx.messages().get("interrupt.engine.stopping", containerId.substring(0, 12)), client -> {
                var cmd = client.stopContainerCmd(containerId);
                if (timeout != null) {
                    cmd.withTimeout(timeout);
                }
                return cmd.exec();
            });
        } catch (DaemonError e) {
            if (e.httpStatus() != 304) {
                throw DockerError.daemon(e);
            }
        }
    }
}
