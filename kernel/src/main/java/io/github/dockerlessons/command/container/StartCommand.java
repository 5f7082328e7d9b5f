package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.stream.StdinSource;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code docker start}: start stopped containers; with -a, follow one in the foreground. */
public final class StartCommand extends DeclaredCommand {
    private static final Flag<Boolean> ATTACH = Flag.bool('a', "attach");
    private static final Flag<Boolean> INTERACTIVE = Flag.bool('i', "interactive");

    public StartCommand() {
        super(CommandSpec.command("start", "docker start [OPTIONS] CONTAINER [CONTAINER...]")
                .aliases("docker container start", "docker start")
                .flags(ATTACH, INTERACTIVE)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.STOPPED_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean attach = in.get(ATTACH);
        boolean interactive = in.get(INTERACTIVE);
        if (!attach && !interactive) {
            startEach(in.args(), ctx);
            return;
        }
        if (in.args().size() > 1) {
            throw new DockerError(1, "you cannot start and attach multiple containers at once");
        }
        try {
            // The container's full ID: a prefix such as `start -a 3f2` names it for every later call.
            var container = ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(in.arg(0))).exec());
            String id = container.getId();
            boolean tty = Boolean.TRUE.equals(container.getConfig().getTty());
            Optional<StdinSource> stdin = StdinSource.choose(interactive, tty, ctx.heredoc(), ctx.console());
            if (stdin.isEmpty()) {
                throw new DockerError(1, "", "hint.interactive.needs.heredoc", "docker start");
            }
            int status = ForegroundAttach.run(ctx, id, new ForegroundAttach.Plan(stdin.get(), tty, false,
                    client -> client.startContainerCmd(id).exec()));
            if (status != 0) {
                throw DockerError.exitStatus(status);
            }
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
    }

    /**
     * As the CLI's startContainersWithoutAttachments: each name printed as it starts, each refusal
     * printed on stderr at once, and the names that failed said together at the end (unlike rm or
     * stop, which gather the daemon's words instead).
     */
    private static void startEach(List<String> targets, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> failed = new ArrayList<>();
        for (String target : targets) {
            try {
                ctx.answer(client -> client.startContainerCmd(Engine.pathSegment(target)).exec());
            } catch (DaemonError e) {
                if (e.httpStatus() != 304) { // already running: the CLI prints the name all the same
                    ctx.console().err(e.cliText() + "\n");
                    failed.add(target);
                    continue;
                }
            }
            ctx.console().out(target + "\n");
        }
        if (!failed.isEmpty()) {
            throw new DockerError(1, "Error: failed to start containers: " + String.join(", ", failed));
        }
    }
}
