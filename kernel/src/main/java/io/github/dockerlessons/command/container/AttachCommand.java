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

/**
 * {@code docker attach}: follow a running container's output until it exits (or the stop button,
 * which sends it SIGINT as the CLI's signal proxy does); its stdin, when open, comes from the cell.
 */
public final class AttachCommand extends DeclaredCommand {
    private static final Flag<Boolean> NO_STDIN = Flag.bool("no-stdin");

    public AttachCommand() {
        super(CommandSpec.command("attach", "docker attach [OPTIONS] CONTAINER")
                .aliases("docker container attach", "docker attach")
                .flags(NO_STDIN)
                .takes(Arity.exactly(1), Arguments.each(NameKind.RUNNING_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        try {
            var container = ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(in.arg(0))).exec());
            if (!Boolean.TRUE.equals(container.getState().getRunning())) {
                throw new DockerError(1, "You cannot attach to a stopped container, start it first",
                        "hint.not.running");
            }
            boolean tty = Boolean.TRUE.equals(container.getConfig().getTty());
            boolean open = !in.get(NO_STDIN) && Boolean.TRUE.equals(container.getConfig().getStdinOpen());
            // Without a heredoc or an input box, attach still follows the output, as the CLI with </dev/null.
            StdinSource stdin = StdinSource.choose(open, tty, ctx.heredoc(), ctx.console()).orElse(StdinSource.none());
            int status = ForegroundAttach.run(ctx, container.getId(), new ForegroundAttach.Plan(stdin, tty, false, null));
            if (status != 0) {
                throw DockerError.exitStatus(status);
            }
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
    }
}
