package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.container.ExecCommand;
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
import io.github.dockerlessons.engine.DaemonError;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker compose exec SERVICE COMMAND}: {@code docker exec} in the service's running
 * container, found by the project's labels. Its stdin is the cell's heredoc when it has one; a
 * notebook's output is not a terminal, so there is no TTY unless -t asks for one (Compose decides
 * the same way: -T is its default when its output is not a terminal).
 */
public final class ComposeExecCommand extends DeclaredCommand {
    private static final ExecCommand EXEC = new ExecCommand();

    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<List<String>> ENV = Flag.list('e', "env").shownAs("stringArray");
    private static final Flag<Integer> INDEX = Flag.integer((char) 0, "index", 0).shownAs("int");
    private static final Flag<Boolean> NO_TTY = Flag.bool('T', "no-TTY");
    private static final Flag<String> USER = Flag.string('u', "user");
    private static final Flag<String> WORKDIR = Flag.string('w', "workdir");
    private static final Flag<Boolean> INTERACTIVE = Flag.bool('i', "interactive").hidden();
    private static final Flag<Boolean> TTY = Flag.bool('t', "tty").hidden();

    public ComposeExecCommand() {
        super(ComposeProjectFlags.command("compose exec",
                        "docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]",
                        DETACH, ENV, INDEX, INTERACTIVE, NO_TTY, TTY, USER, WORKDIR)
                .takes(Arity.atLeast(2), ComposeProjectFlags.FIRST_SERVICE)
                .flagsEndAtFirstArgument());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String project = ComposeProjectFlags.projectName(in, ctx);
        String service = in.arg(0);
        int index = in.get(INDEX) > 0 ? in.get(INDEX) : 1;
        ContainerSummary target = null;
        for (ContainerSummary c : new ProjectContainers(ctx).containers(project, false, List.of(service), false)) {
            String number = c.getLabels().getOrDefault(ComposeNames.CONTAINER_NUMBER, "1");
            if (number.equals(Integer.toString(index)) || target == null) {
                target = c;
            }
        }
        if (target == null) {
            throw new DockerError(1, "service \"" + service + "\" is not running", "hint.compose.not.running", service);
        }
        List<String> words = new ArrayList<>();
        if (ctx.heredoc() != null) {
            words.add("-i");
        }
        if (in.get(TTY) && !in.get(NO_TTY)) {
            words.add("-t");
        }
        if (in.get(DETACH)) {
            words.add("-d");
        }
        in.get(ENV).forEach(e -> words.add("--env=" + e));
        if (in.get(USER) != null) {
            words.add("--user=" + in.get(USER));
        }
        if (in.get(WORKDIR) != null) {
            words.add("--workdir=" + in.get(WORKDIR));
        }
        words.add(target.getId());
        words.addAll(in.argsFrom(1));
        FlagSet.Result parsed;
        try {
            parsed = EXEC.spec().flags().parse(words, false);
        } catch (FlagError e) {
            throw new DockerError(1, e.getMessage());
        }
        EXEC.run(new Invocation(in.calledAs(), EXEC.spec(), parsed.flags(), parsed.args()), ctx);
    }
}
