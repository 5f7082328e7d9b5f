package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.DependencyOrder;
import io.github.dockerlessons.compose.ProjectLoader;

import java.util.ArrayList;
import java.util.List;

/**
 * The containers start, stop and restart work on: the chosen services' containers, in the order
 * depends_on gives (dependencies first), found by the project's labels; the project file is read when
 * there is one (for the order), else the name from -p is enough.
 */
final class ServiceContainers {
    private ServiceContainers() {
    }

    record Found(ComposeProject project, List<ContainerSummary> containers) { }

    static Found inStartOrder(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        ProjectContainers containers = new ProjectContainers(ctx);
        if (!ProjectLoader.hasFile(ComposeProjectFlags.options(in))) {
            String name = ComposeProjectFlags.projectName(in, ctx);
            return new Found(null, containers.containers(name, true, in.args(), false));
        }
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen = ComposeProjectFlags.select(project, in.args(), ctx);
        List<ContainerSummary> ordered = new ArrayList<>();
        for (ComposeProject.Service s : DependencyOrder.startOrder(project, chosen, false)) {
            ordered.addAll(containers.containers(project.name(), true, List.of(s.name()), false));
        }
        return new Found(project, ordered);
    }
}
