package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.DependencyOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker compose up}: networks, volumes, images and containers made as the file says, the
 * containers started after what they depend on. With -d it returns at once; otherwise it follows
 * every container's output, each line after its container's name, until they have all ended or the
 * stop button, which stops them as Compose does on Ctrl-C. --scale gives a service that many
 * containers ({@link ServiceConvergence}), --wait returns once they are ready ({@link ReadinessWait}),
 * --abort-on-container-exit/-failure and --exit-code-from end the follow early and set the status.
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
    private static final Flag<Boolean> ABORT_ON_FAILURE = Flag.bool("abort-on-container-failure");
    private static final Flag<Boolean> QUIET_PULL = Flag.bool("quiet-pull");
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");
    private static final Flag<String> EXIT_CODE_FROM = Flag.string("exit-code-from");
    private static final Flag<List<String>> SCALE = Flag.list("scale").shownAs("scale");
    private static final Flag<Boolean> WAIT = Flag.bool("wait");
    private static final Flag<Integer> WAIT_TIMEOUT = Flag.integer((char) 0, "wait-timeout", 0).shownAs("int");

    public ComposeUpCommand() {
        super(ComposeProjectFlags.forServices("compose up",
                "docker compose up [OPTIONS] [SERVICE...]", ABORT_ON_EXIT, ABORT_ON_FAILURE, BUILD, DETACH, EXIT_CODE_FROM,
                FORCE_RECREATE, NO_BUILD, NO_COLOR, NO_DEPS, NO_LOG_PREFIX, NO_RECREATE, NO_START, QUIET_PULL,
                REMOVE_ORPHANS, SCALE, TIMEOUT, WAIT, WAIT_TIMEOUT));
    }

    /** docker compose's upOptions, one per run; checked as its validateFlags checks them, in its words. */
    private record Options(boolean detach, boolean build, boolean noBuild, boolean forceRecreate, boolean noRecreate,
                           boolean noStart, boolean noDeps, boolean prefix, boolean removeOrphans,
                           LogFollower.Until until, String exitCodeFrom, Map<String, Integer> scale,
                           boolean waitReady, Duration waitTimeout, Integer timeout, List<String> services) {
        static Options of(Invocation in) throws DockerError {
            String exitCodeFrom = in.get(EXIT_CODE_FROM) == null || in.get(EXIT_CODE_FROM).isEmpty() ? null
                    : in.get(EXIT_CODE_FROM);
            boolean abortOnFailure = in.get(ABORT_ON_FAILURE);
            boolean abortOnExit = in.get(ABORT_ON_EXIT) || (exitCodeFrom != null && !abortOnFailure);
            boolean detach = in.get(DETACH) || in.get(WAIT);
            if (in.get(WAIT_TIMEOUT) < 0) {
                throw new DockerError(1, "--wait-timeout must be a non-negative integer");
            }
            if (abortOnExit && abortOnFailure) {
                throw new DockerError(1, "--abort-on-container-failure cannot be combined with --abort-on-container-exit");
            }
            if (in.get(WAIT) && abortOnExit) {
                throw new DockerError(1, "--wait cannot be combined with --abort-on-container-exit, --attach or "
                        + "--attach-dependencies");
            }
            if (in.get(BUILD) && in.get(NO_BUILD)) {
                throw new DockerError(1, "--build and --no-build are incompatible");
            }
            if (detach && (abortOnExit || abortOnFailure)) {
                throw new DockerError(1, (in.get(WAIT) ? "--wait" : "--detach") + " cannot be combined with "
                        + "--abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies "
                        + "or --watch");
            }
            if (in.get(FORCE_RECREATE) && in.get(NO_RECREATE)) {
                throw new DockerError(1, "--force-recreate and --no-recreate are incompatible");
            }
            Duration waitTimeout = in.get(WAIT_TIMEOUT) > 0 ? Duration.ofSeconds(in.get(WAIT_TIMEOUT)) : null;
            LogFollower.Until until = abortOnExit ? LogFollower.Until.FIRST_EXIT
                    : abortOnFailure ? LogFollower.Until.FIRST_FAILURE : LogFollower.Until.ALL_ENDED;
            return new Options(detach, in.get(BUILD), in.get(NO_BUILD), in.get(FORCE_RECREATE),
                    in.get(NO_RECREATE), in.get(NO_START), in.get(NO_DEPS), !in.get(NO_LOG_PREFIX),
                    in.get(REMOVE_ORPHANS), until, exitCodeFrom, ServiceScale.parseFlags(in.get(SCALE)),
                    in.get(WAIT), waitTimeout, in.get(TIMEOUT), in.args());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        Options o = Options.of(in);
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen = ComposeProjectFlags.select(project, o.services(), ctx);
        ServiceScale.check(project, o.scale().keySet());
        if (o.exitCodeFrom() != null) {
            ServiceScale.check(project, List.of(o.exitCodeFrom()));
        }
        List<ComposeProject.Service> order = DependencyOrder.startOrder(project, chosen, !o.noDeps());
        orphans(ctx, project, o);
        // Compose's create (up --no-start) says what it did under "Creating", as its own title
        ProgressPanel progress = new ProgressPanel(ctx.console(), o.noStart() ? "Creating" : "Running");
        Set<String> wereRunning = new HashSet<>();
        ProjectResources resources = new ProjectResources(ctx);
        ProjectContainers containers = new ProjectContainers(ctx);
        ServiceConvergence convergence = new ServiceConvergence(ctx);
        DependencyWaits waits = new DependencyWaits(ctx);
        try {
            if (!o.noBuild()) {
                new ServiceImages(ctx).ensureImages(project, order, o.build(), progress);
            }
            resources.ensureNetworks(project, order, progress);
            resources.ensureVolumes(project, order, progress);
            List<List<ServiceConvergence.Replica>> replicas = new ArrayList<>();
            for (ComposeProject.Service service : order) {
                replicas.add(convergence.converge(project, service, o.scale().getOrDefault(service.name(), 1),
                        o.forceRecreate(), o.noRecreate(), progress));
            }
            if (o.noStart()) {
                return;
            }
            for (ContainerSummary c : containers.containers(project.name(), true, List.of(), false)) {
                if ("running".equals(c.getState())) {
                    wereRunning.add(c.getId());
                }
            }
            for (int i = 0; i < order.size(); i++) {
                waits.awaitDependencies(project, order.get(i), progress);
                for (ServiceConvergence.Replica replica : replicas.get(i)) {
                    containers.start(replica.id(), replica.name(), progress);
                }
            }
            if (o.waitReady()) {
                new ReadinessWait(ctx).await(project, order, o.waitTimeout(), progress);
            }
        } finally {
            progress.finish();
        }
        if (o.detach()) {
            return;
        }
        long status = attach(ctx, project, order, wereRunning, o);
        if (status != 0) {
            throw DockerError.exitStatus(status);
        }
    }

    /** Containers of services the file no longer has: a warning, or removed with --remove-orphans. */
    private static void orphans(CommandContext ctx, ComposeProject project, Options o)
            throws DaemonError, DockerError, InterruptedException {
        List<ContainerSummary> orphans = new ArrayList<>();
        for (ContainerSummary c : new ProjectContainers(ctx).containers(project.name(), true, List.of(), false)) {
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

    /**
     * Follows the containers' output until they have ended; with --abort-on-container-exit until the
     * first has (--abort-on-container-failure: the first that failed), then stops the others. The
     * command's status is then, as Compose's, the exit code of that container, or with --exit-code-from
     * that of the service's container.
     */
    private static long attach(CommandContext ctx, ComposeProject project,
                               List<ComposeProject.Service> order, Set<String> wereRunning, Options o)
            throws DaemonError, DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        for (ComposeProject.Service s : order) {
            names.add(s.name());
        }
        List<ContainerSummary> containers = new ProjectContainers(ctx).containers(project.name(), true, names, false);
        LogPanel logs = new LogPanel(ctx.console(), o.prefix(),
                n -> ctx.messages().get("compose.logs.dropped", n));
        try {
            logs.status(null, "Attaching to " + String.join(", ", containers.stream()
                    .map(c -> ComposeNames.logName(project.name(), ProjectContainers.name(c))).toList()));
            ContainerSummary first = new LogFollower(ctx, project.name(), logs).follow(containers,
                    new LogFollower.Selection(null, null, false), wereRunning, o.until());
            if (first == null) {
                return o.exitCodeFrom() == null ? 0 : exitStatus(ctx, project, null, o.exitCodeFrom());
            }
            logs.status(null, "Aborting on container exit...");
            logs.finish();
            ProgressPanel progress = new ProgressPanel(ctx.console(), "Stopping");
            try {
                new ProjectStopper(ctx).stop(new ProjectContainers(ctx).containers(project.name(), true, names, false),
                        o.timeout(), progress, project);
            } finally {
                progress.finish();
            }
            return exitStatus(ctx, project, first, o.exitCodeFrom());
        } catch (InterruptedException e) {
            GracefulStop.run(ctx, project, containers, logs);
            throw e;
        } finally {
            logs.close();
        }
    }

    /** The exit code Compose ends with after an abort: of the first container that ended, or of --exit-code-from's. */
    private static long exitStatus(CommandContext ctx, ComposeProject project, ContainerSummary first, String exitCodeFrom)
            throws DaemonError, DockerError, InterruptedException {
        List<ContainerSummary> candidates = new ArrayList<>();
        if (first != null && (exitCodeFrom == null || exitCodeFrom.equals(ProjectContainers.service(first)))) {
            candidates.add(first);
        } else if (exitCodeFrom != null) {
            candidates.addAll(new ProjectContainers(ctx).containers(project.name(), true, List.of(exitCodeFrom), false));
            candidates.sort(Comparator.comparingInt(ServiceConvergence::number));
        }
        for (ContainerSummary c : candidates) {
            var state = ctx.answer(client -> client.inspectContainerCmd(c.getId()).exec()).getState();
            if (!Boolean.TRUE.equals(state.getRunning()) && state.getExitCodeLong() != null) {
                return state.getExitCodeLong();
            }
        }
        return 0;
    }
}
