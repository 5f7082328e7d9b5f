package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import com.github.dockerjava.api.model.Container;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.DependencyOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code docker compose up}: networks, volumes, images and containers made as the file says, the
 * containers started after what they depend on. With -d it returns at once; otherwise it follows
 * every container's output, each line after its container's name, until they have all ended or the
 * stop button, which stops them as Compose does on Ctrl-C.
 */
public final class ComposeUpCommand extends DeclaredCommand {
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<Boolean> BUILD = Flag.bool("build");
    private static final Flag<Boolean> NO_BUILD = Flag.bool("no-build");
    private static final Flag<Boolean> FORCE_RECREATE = Flag.bool("force-recreate");
    private static final Flag<Boolean> NO_RECREATE = Flag.bool("no-recreate");
    private static final Flag<Boolean> NO_START = Flag.bool("no-start");
    private static final Flag<Boolean> NO_DEPS = Flag.bool("no-deps");
    private static final Flag<Boolean> NO_COLOR = Flag.bool("no-color");
    private static final Flag<Boolean> NO_LOG_PREFIX = Flag.bool("no-log-prefix");
    private static final Flag<Boolean> REMOVE_ORPHANS = Flag.bool("remove-orphans");
    private static final Flag<Boolean> ABORT_ON_EXIT = Flag.bool("abort-on-container-exit");
    private static final Flag<Boolean> QUIET_PULL = Flag.bool("quiet-pull");
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");

    public ComposeUpCommand() {
        super(ComposeProjectFlags.forServices("compose up",
                "docker compose up [OPTIONS] [SERVICE...]", ABORT_ON_EXIT, BUILD, DETACH, FORCE_RECREATE, NO_BUILD,
                NO_COLOR, NO_DEPS, NO_LOG_PREFIX, NO_RECREATE, NO_START, QUIET_PULL, REMOVE_ORPHANS, TIMEOUT));
    }

    /** docker compose's upOptions, one per run. */
    private record Options(boolean detach, boolean build, boolean noBuild, boolean forceRecreate, boolean noRecreate,
                           boolean noStart, boolean noDeps, boolean prefix, boolean removeOrphans, boolean abortOnExit,
                           Integer timeout, List<String> services) {
        static Options of(Invocation in) throws DockerError {
            if (in.get(FORCE_RECREATE) && in.get(NO_RECREATE)) {
                throw new DockerError(1, "--force-recreate and --no-recreate are incompatible");
            }
            if (in.get(DETACH) && in.get(ABORT_ON_EXIT)) {
                throw new DockerError(1, "--abort-on-container-exit and --detach are incompatible");
            }
            return new Options(in.get(DETACH), in.get(BUILD), in.get(NO_BUILD), in.get(FORCE_RECREATE),
                    in.get(NO_RECREATE), in.get(NO_START), in.get(NO_DEPS), !in.get(NO_LOG_PREFIX),
                    in.get(REMOVE_ORPHANS), in.get(ABORT_ON_EXIT), in.get(TIMEOUT), in.args());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        Options o = Options.of(in);
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen = ComposeProjectFlags.select(project, o.services(), ctx);
        List<ComposeProject.Service> order = DependencyOrder.startOrder(project, chosen, !o.noDeps());
        orphans(ctx, project, o);
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Running");
        Set<String> wereRunning = new HashSet<>();
        ProjectResources resources = new ProjectResources(ctx);
        ProjectContainers containers = new ProjectContainers(ctx);
        DependencyWaits waits = new DependencyWaits(ctx);
        try {
            if (!o.noBuild()) {
                new ServiceImages(ctx).ensureImages(project, order, o.build(), progress);
            }
            resources.ensureNetworks(project, order, progress);
            resources.ensureVolumes(project, order, progress);
            List<String> ids = new ArrayList<>();
            for (ComposeProject.Service service : order) {
                ids.add(containers.converge(project, service, o.forceRecreate(), o.noRecreate(), progress));
            }
            if (o.noStart()) {
                return;
            }
            for (Container c : containers.containers(project.name(), true, List.of(), false)) {
                if ("running".equals(c.getState())) {
                    wereRunning.add(c.getId());
                }
            }
            for (int i = 0; i < order.size(); i++) {
                waits.awaitDependencies(project, order.get(i), progress);
                String name = ComposeNames.container(project.name(), order.get(i), 1);
                containers.start(ids.get(i), nameOf(containers, project, order.get(i), name), progress);
            }
        } finally {
            progress.finish();
        }
        if (o.detach()) {
            return;
        }
        attach(ctx, project, order, wereRunning, o);
    }

    private static String nameOf(ProjectContainers containers, ComposeProject project, ComposeProject.Service service,
                                 String fallback) throws DaemonError, DockerError, InterruptedException {
        List<Container> found = containers.containers(project.name(), true, List.of(service.name()), false);
        return found.isEmpty() ? fallback : ProjectContainers.name(found.get(0));
    }

    /** Containers of services the file no longer has: a warning, or removed with --remove-orphans. */
    private static void orphans(CommandContext ctx, ComposeProject project, Options o)
            throws DaemonError, DockerError, InterruptedException {
        List<Container> orphans = new ArrayList<>();
        for (Container c : new ProjectContainers(ctx).containers(project.name(), true, List.of(), false)) {
            if (!project.services().containsKey(ProjectContainers.service(c))) {
                orphans.add(c);
            }
        }
        if (orphans.isEmpty()) {
            return;
        }
        if (o.removeOrphans()) {
            ProgressPanel progress = new ProgressPanel(ctx.console(), "Running");
            try {
                new ProjectStopper(ctx).stop(orphans, o.timeout(), progress, project);
                new ProjectContainers(ctx).remove(orphans, false, progress);
            } finally {
                progress.finish();
            }
            return;
        }
        List<String> names = orphans.stream().map(ProjectContainers::name).toList();
        ctx.console().err("WARN[0000] Found orphan containers (" + names + ") for this project. If you removed or "
                + "renamed this service in your compose file, you can run this command with the --remove-orphans "
                + "flag to clean it up.\n");
    }

    private static void attach(CommandContext ctx, ComposeProject project,
                               List<ComposeProject.Service> order, Set<String> wereRunning, Options o)
            throws DaemonError, DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        for (ComposeProject.Service s : order) {
            names.add(s.name());
        }
        List<Container> containers = new ProjectContainers(ctx).containers(project.name(), true, names, false);
        LogPanel logs = new LogPanel(ctx.console(), o.prefix(),
                n -> ctx.messages().get("compose.logs.dropped", n));
        try {
            logs.status(null, "Attaching to " + String.join(", ", containers.stream()
                    .map(c -> ComposeNames.logName(project.name(), ProjectContainers.name(c))).toList()));
            new LogFollower(ctx, project.name(), logs).follow(containers, new LogFollower.Selection(null, null, false),
                    wereRunning, o.abortOnExit());
            if (o.abortOnExit()) {
                logs.status(null, "Aborting on container exit...");
                logs.finish();
                ProgressPanel progress = new ProgressPanel(ctx.console(), "Stopping");
                try {
                    new ProjectStopper(ctx).stop(new ProjectContainers(ctx).containers(project.name(), true, names, false),
                            o.timeout(), progress, project);
                } finally {
                    progress.finish();
                }
            }
        } catch (InterruptedException e) {
            GracefulStop.run(ctx, project, containers, logs);
            throw e;
        } finally {
            logs.close();
        }
    }
}
