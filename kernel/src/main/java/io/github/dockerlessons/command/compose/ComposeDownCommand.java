package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.DependencyOrder;
import io.github.dockerlessons.compose.ProjectLoader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code docker compose down}: the project's containers stopped and removed (dependants first), then
 * its networks, and with -v its named volumes and the containers' anonymous ones. Without a file it
 * works from the project's labels ({@code docker compose -p NAME down}).
 */
public final class ComposeDownCommand extends DeclaredCommand {
    private static final Flag<Boolean> VOLUMES = Flag.bool('v', "volumes");
    private static final Flag<Boolean> REMOVE_ORPHANS = Flag.bool("remove-orphans");
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");
    private static final Flag<String> RMI = Flag.string("rmi");

    public ComposeDownCommand() {
        super(ComposeProjectFlags.forServices("compose down",
                "docker compose down [OPTIONS] [SERVICES]", REMOVE_ORPHANS, RMI, TIMEOUT, VOLUMES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        boolean volumes = in.get(VOLUMES);
        String rmi = in.get(RMI);
        if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
            throw new DockerError(1, "invalid value for --rmi: " + rmi);
        }
        ComposeProject project = ProjectLoader.hasFile(ComposeProjectFlags.options(in))
                ? ComposeProjectFlags.load(in, ctx).project() : null;
        String name = project != null ? project.name() : ComposeProjectFlags.projectName(in, ctx);
        ProjectContainers found = new ProjectContainers(ctx);
        ProjectResources resources = new ProjectResources(ctx);
        List<ContainerSummary> containers = new ArrayList<>(found.containers(name, true, in.args(), true));
        if (project != null && !in.get(REMOVE_ORPHANS)) {
            containers.removeIf(c -> !project.services().containsKey(ProjectContainers.service(c)));
        }
        if (project != null) {
            // dependants first: the reverse of the order they start in (a container of no service first)
            List<String> order = DependencyOrder.stopOrder(project, new ArrayList<>(project.services().values()))
                    .stream().map(ComposeProject.Service::name).toList();
            containers.sort(Comparator.comparingInt((ContainerSummary c) -> order.indexOf(ProjectContainers.service(c))));
        }
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Running");
        try {
            new ProjectStopper(ctx).stop(containers, in.get(TIMEOUT), progress, project);
            found.remove(containers, volumes, progress);
            if (!in.args().isEmpty()) {
                return;
            }
            List<String> networks = new ArrayList<>();
            if (project != null) {
                project.networks().values().stream().filter(n -> !n.external()).forEach(n -> networks.add(n.name()));
            } else {
                networks.addAll(resources.labelledNetworks(name));
            }
            resources.removeNetworks(networks, progress);
            if (volumes) {
                List<String> named = new ArrayList<>();
                if (project != null) {
                    project.volumes().values().stream().filter(v -> !v.external()).forEach(v -> named.add(v.name()));
                } else {
                    named.addAll(resources.labelledVolumes(name));
                }
                resources.removeVolumes(named, progress);
            }
            if (rmi != null && project != null) {
                List<String> images = new ArrayList<>();
                for (ComposeProject.Service s : project.services().values()) {
                    if (rmi.equals("all") || s.image() == null) {
                        images.add(ComposeNames.image(project.name(), s));
                    }
                }
                new ServiceImages(ctx).removeImages(images, progress);
            }
        } finally {
            progress.finish();
        }
    }
}
