package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeProject;

import java.util.List;
import java.util.Map;

/** Waits for what a service depends on, by the condition the file gives (started, healthy, completed). */
final class DependencyWaits {
    private final CommandContext ctx;

    DependencyWaits(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Waits until what a service depends on is ready by its condition (started, healthy, completed). */
    public void awaitDependencies(ComposeProject project, ComposeProject.Service service, ProgressPanel progress)
            throws DaemonError, DockerError, InterruptedException {
        for (Map.Entry<String, ComposeProject.Dependency> entry : service.dependsOn().entrySet()) {
            String condition = entry.getValue().condition();
            if (condition.equals("service_started")) {
                continue;
            }
            for (ContainerSummary c : new ProjectContainers(ctx).containers(project.name(), true, List.of(entry.getKey()), false)) {
                String id = "Container " + ProjectContainers.name(c);
                progress.working(id, "Waiting");
                while (true) {
                    InspectContainerResponse state = ctx.answer(client -> client.inspectContainerCmd(c.getId()).exec());
                    var s = state.getState();
                    if (condition.equals("service_healthy")) {
                        if (s.getHealth() == null) {
                            progress.error(id, "Error");
                            throw new DockerError(1, "container " + ProjectContainers.name(c) + " has no healthcheck configured");
                        }
                        if ("healthy".equals(s.getHealth().getStatus())) {
                            progress.done(id, "Healthy");
                            break;
                        }
                        if (!Boolean.TRUE.equals(s.getRunning()) || "unhealthy".equals(s.getHealth().getStatus())) {
                            progress.error(id, "Error");
                            throw new DockerError(1, "dependency failed to start: container " + ProjectContainers.name(c) + " is unhealthy");
                        }
                    } else if (!Boolean.TRUE.equals(s.getRunning())) {
                        Long code = s.getExitCodeLong();
                        if (code != null && code == 0) {
                            progress.done(id, "Exited");
                            break;
                        }
                        progress.error(id, "Error");
                        throw new DockerError(1, "service \"" + entry.getKey() + "\" didn't complete successfully: exit "
                                + code);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }
}
