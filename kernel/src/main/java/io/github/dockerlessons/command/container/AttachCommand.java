package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code docker attach}: follow a running container's output until it exits (or the stop button,
 * which sends it SIGINT as the CLI's signal proxy does); a heredoc becomes its stdin.
 */
public final class AttachCommand extends DockerCommand {
    @Option(names = "--no-stdin")
    boolean noStdin;

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public String usage() {
        return "docker attach [OPTIONS] CONTAINER";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container attach", "docker attach");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        try {
            var container = ctx.engine().call(client -> client.inspectContainerCmd(args.get(0)).exec());
            if (!Boolean.TRUE.equals(container.getState().getRunning())) {
                throw new DockerError(1, "You cannot attach to a stopped container, start it first",
                        "hint.not.running");
            }
            boolean tty = Boolean.TRUE.equals(container.getConfig().getTty());
            boolean open = !noStdin && Boolean.TRUE.equals(container.getConfig().getStdinOpen());
            byte[] stdin = open ? ctx.stdin() : null;
            boolean ask = open && stdin == null && ctx.console().canAsk();
            int status = ForegroundAttach.run(ctx, container.getId(), stdin, ask, tty, false, client -> null);
            if (status != 0) {
                throw new DockerError(status, "", "hint.exit.status", status);
            }
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
    }
}
