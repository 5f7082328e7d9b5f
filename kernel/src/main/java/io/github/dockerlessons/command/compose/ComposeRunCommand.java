package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.container.StartCommand;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagError;
import io.github.dockerlessons.command.flags.FlagSet;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.DependencyOrder;
import io.github.dockerlessons.engine.DaemonError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code docker compose run SERVICE [COMMAND]}: a one-off container of the service
 * (project-service-run-xxxxxxxxxxxx, labelled as Compose labels one-offs, no ports published),
 * started after the services it depends on, and followed like {@code docker run}: its output, its
 * exit status, the heredoc as its stdin; --rm removes it afterwards.
 */
public final class ComposeRunCommand extends DeclaredCommand {
    private static final StartCommand START = new StartCommand();

    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<List<String>> ENV = Flag.list('e', "env").shownAs("stringArray");
    private static final Flag<List<String>> LABEL = Flag.list('l', "label").shownAs("stringArray");
    private static final Flag<Boolean> RM = Flag.bool("rm");
    private static final Flag<Boolean> NO_TTY = Flag.bool('T', "no-TTY");
    private static final Flag<String> NAME = Flag.string("name");
    private static final Flag<String> USER = Flag.string('u', "user");
    private static final Flag<String> WORKDIR = Flag.string('w', "workdir");
    private static final Flag<String> ENTRYPOINT = Flag.string("entrypoint");
    private static final Flag<Boolean> NO_DEPS = Flag.bool("no-deps");
    private static final Flag<Boolean> BUILD = Flag.bool("build");
    private static final Flag<Boolean> USE_ALIASES = Flag.bool("use-aliases");
    private static final Flag<Boolean> INTERACTIVE = Flag.bool('i', "interactive").hidden();
    private static final Flag<Boolean> TTY = Flag.bool('t', "tty").hidden();

    public ComposeRunCommand() {
        super(ComposeProjectFlags.command("compose run",
                        "docker compose run [OPTIONS] SERVICE [COMMAND] [ARGS...]",
                        BUILD, DETACH, ENTRYPOINT, ENV, INTERACTIVE, LABEL, NAME, NO_DEPS, NO_TTY, RM, TTY, USE_ALIASES, USER,
                        WORKDIR)
                .takes(Arity.atLeast(1), ComposeProjectFlags.FIRST_SERVICE)
                .flagsEndAtFirstArgument());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        ComposeProject.Service service = ComposeProjectFlags.select(project, List.of(in.arg(0)), ctx).get(0);
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Running");
        try {
            List<ComposeProject.Service> order = in.get(NO_DEPS) ? List.of(service)
                    : DependencyOrder.startOrder(project, List.of(service), true);
            ProjectResources resources = new ProjectResources(ctx);
            ProjectContainers containers = new ProjectContainers(ctx);
            new ServiceImages(ctx).ensureImages(project, order, in.get(BUILD), progress);
            resources.ensureNetworks(project, order, progress);
            resources.ensureVolumes(project, order, progress);
            ServiceConvergence convergence = new ServiceConvergence(ctx);
            for (ComposeProject.Service dependency : order) {
                if (dependency != service) {
                    for (ServiceConvergence.Replica replica : convergence.converge(project, dependency, 1, false, false,
                            progress)) {
                        containers.start(replica.id(), replica.name(), progress);
                    }
                }
            }
            new DependencyWaits(ctx).awaitDependencies(project, service, progress);
        } finally {
            progress.finish();
        }
        ComposeProject.Service oneOff = withOverrides(service, in);
        String slug = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        String name = in.get(NAME) != null ? in.get(NAME) : ComposeNames.oneOff(project.name(), service.name(), slug);
        boolean interactive = ctx.heredoc() != null && !in.get(DETACH);
        List<String> command = in.args().size() > 1 ? in.argsFrom(1) : null;
        String id = new ProjectContainers(ctx).createContainer(project, oneOff,
                new ServiceRequest.Plan(name, 0, true, command, slug, interactive, in.get(USE_ALIASES)));
        if (in.get(DETACH)) {
            ctx.answer(client -> client.startContainerCmd(id).exec());
            ctx.console().out(name + "\n");
            return;
        }
        List<String> words = new ArrayList<>(List.of("-a"));
        if (interactive) {
            words.add("-i");
        }
        words.add(id);
        try {
            FlagSet.Result parsed = START.spec().flags().parse(words, true);
            START.run(new Invocation(in.calledAs(), START.spec(), parsed.flags(), parsed.args()), ctx);
        } catch (FlagError e) {
            throw new IllegalStateException(e);
        } finally {
            if (in.get(RM)) {
                try {
                    ctx.evenAfterStop(Duration.ofSeconds(10), client -> client.removeContainerCmd(id).withForce(true).exec());
                } catch (Exception e) {
                    ctx.cancellation().note(ctx.messages().get("interrupt.engine.removing", name));
                }
            }
        }
    }

    /** The service as this run changes it: its environment, labels, user, workdir, entrypoint, TTY. */
    private static ComposeProject.Service withOverrides(ComposeProject.Service s, Invocation in) {
        List<String> env = new ArrayList<>(s.environment());
        env.addAll(in.get(ENV));
        Map<String, String> labels = new LinkedHashMap<>(s.labels());
        for (String label : in.get(LABEL)) {
            int eq = label.indexOf('=');
            labels.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
        }
        List<String> entrypoint = in.get(ENTRYPOINT) != null ? List.of(in.get(ENTRYPOINT).split(" ")) : s.entrypoint();
        boolean tty = in.get(TTY) && !in.get(NO_TTY);
        return new ComposeProject.Service(s.name(), s.image(), s.build(), List.of(), s.volumes(), env, s.dependsOn(),
                s.command(), entrypoint, s.networks(), in.get(WORKDIR) != null ? in.get(WORKDIR) : s.workingDir(),
                null, null, s.hostname(), labels, tty, s.stdinOpen(),
                in.get(USER) != null ? in.get(USER) : s.user(), s.expose(), s.stopSignal(), s.stopGraceSeconds(),
                s.init(), s.pullPolicy(), s.settings());
    }
}
