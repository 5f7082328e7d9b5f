package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker start}: start stopped containers; with -a, follow one in the foreground. */
public final class StartCommand extends DockerCommand {
    @Option(names = {"-a", "--attach"})
    boolean attach;

    @Option(names = {"-i", "--interactive"})
    boolean interactive;

    @Override
    public String name() {
        return "start";
    }

    @Override
    public String usage() {
        return "docker start [OPTIONS] CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container start", "docker start");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        if (!attach && !interactive) {
            forEachTarget(ctx, args, true, target -> startIgnoringRunning(ctx, target));
            return;
        }
        if (args.size() > 1) {
            throw new DockerError(1, "you cannot start and attach multiple containers at once");
        }
        boolean ask = interactive && ctx.stdin() == null && ctx.console().canAsk();
        if (interactive && ctx.stdin() == null && !ask) {
            throw new DockerError(1, "", "hint.interactive.needs.heredoc", "docker start");
        }
        String target = args.get(0);
        try {
            // The container's full ID: a prefix such as `start -a 3f2` names it for every later call.
            var container = ctx.engine().call(client -> client.inspectContainerCmd(target).exec());
            String id = container.getId();
            boolean tty = Boolean.TRUE.equals(container.getConfig().getTty());
            int status = ForegroundAttach.run(ctx, id, interactive ? ctx.stdin() : null, ask, tty, false,
                    client -> client.startContainerCmd(id).exec());
            if (status != 0) {
                throw new DockerError(status, "", "hint.exit.status", status);
            }
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
    }

    private static boolean startIgnoringRunning(CommandContext ctx, String target)
            throws DaemonError, EngineUnreachable, InterruptedException {
        try {
            ctx.engine().run(client -> client.startContainerCmd(target).exec());
        } catch (DaemonError e) {
            if (e.httpStatus() != 304) { // already running: the CLI prints the name all the same
                throw e;
            }
        }
        return true;
    }
}
