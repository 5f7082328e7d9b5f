package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.model.Container;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;
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
public final class ComposeDownCommand implements DockerCommand {
    private static final Flag<Boolean> VOLUMES = Flag.bool('v', "volumes");
    private static final Flag<Boolean> REMOVE_ORPHANS = Flag.bool("remove-orphans");
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");
    private static final Flag<String> RMI = Flag.string("rmi");

    private static final CommandSpec SPEC = CommandSpec.command("compose down", "docker compose down [OPTIONS] [SERVICES]")
            .flags(ComposeProjectFlags.HIDDEN)
            .flags(REMOVE_ORPHANS, RMI, TIMEOUT, VOLUMES)
            .arity(Arity.atLeast(0))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        boolean volumes = in.get(VOLUMES);
        String rmi = in.get(RMI);
        if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
            throw new DockerError(1, "invalid value for --rmi: " + rmi);
        }
        ComposeProject project = ProjectLoader.hasFile(ComposeProjectFlags.options(in))
                ? ComposeProjectFlags.load(in, ctx).project() : null;
        String name = project != null ? project.name() : ComposeProjectFlags.projectName(in, ctx);
        ProjectEngine engine = new ProjectEngine(ctx);
        List<Container> containers = new ArrayList<>(engine.containers(name, true, in.args(), true));
        if (project != null && !in.get(REMOVE_ORPHANS)) {
            containers.removeIf(c -> !project.services().containsKey(ProjectEngine.service(c)));
        }
        if (project != null) {
            List<String> order = project.services().keySet().stream().toList();
            // dependants first: the reverse of the order they start in
            containers.sort(Comparator.comparing((Container c) -> -startIndex(project, ProjectEngine.service(c), order)));
        }
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Running");
        try {
            engine.stop(containers, in.get(TIMEOUT), progress, project);
            engine.remove(containers, volumes, progress);
            if (!in.args().isEmpty()) {
                return;
            }
            List<String> networks = new ArrayList<>();
            if (project != null) {
                project.networks().values().stream().filter(n -> !n.external()).forEach(n -> networks.add(n.name()));
            } else {
                networks.addAll(engine.labelledNetworks(name));
            }
            engine.removeNetworks(networks, progress);
            if (volumes) {
                List<String> named = new ArrayList<>();
                if (project != null) {
                    project.volumes().values().stream().filter(v -> !v.external()).forEach(v -> named.add(v.name()));
                } else {
                    named.addAll(engine.labelledVolumes(name));
                }
                engine.removeVolumes(named, progress);
            }
            if (rmi != null && project != null) {
                List<String> images = new ArrayList<>();
                for (ComposeProject.Service s : project.services().values()) {
                    if (rmi.equals("all") || s.image() == null) {
                        images.add(ComposeNames.image(project.name(), s));
                    }
                }
                engine.removeImages(images, progress);
            }
        } finally {
            progress.finish();
        }
    }

    private static int startIndex(ComposeProject project, String service, List<String> fileOrder) {
        List<ComposeProject.Service> start = DependencyOrder.startOrder(project,
                new ArrayList<>(project.services().values()), true);
        for (int i = 0; i < start.size(); i++) {
            if (start.get(i).name().equals(service)) {
                return i;
            }
        }
        return fileOrder.size();
    }
}
