package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker run}: create a container (pulling its image if missing), start it, follow it. */
public final class RunCommand extends DockerCommand {
    @Mixin
    ContainerOptions options = new ContainerOptions();

    @Option(names = {"-d", "--detach"})
    boolean detach;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container run", "docker run");
    }

    @Override
    public boolean flagsEndAtFirstArgument() {
        return true;
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        String image = args.get(0);
        List<String> command = List.copyOf(args.subList(1, args.size()));
        boolean ask = options.interactive && !detach && ctx.stdin() == null && ctx.console().canAsk();
        if (options.interactive && !detach && ctx.stdin() == null && !ask) {
            throw new DockerError(125, "", "hint.interactive.needs.heredoc", "docker run");
        }
        try {
            String id = ContainerCreator.create(ctx, options, image, command, !detach);
            if (detach) {
                ctx.engine().run(client -> client.startContainerCmd(id).exec());
                ctx.console().out(id + "\n");
                return;
            }
            byte[] stdin = options.interactive ? ctx.stdin() : null;
            int status = ForegroundAttach.run(ctx, id, stdin, ask, options.tty, options.autoRemove,
                    client -> client.startContainerCmd(id).exec());
            if (status != 0) {
                throw new DockerError(status, "", "hint.exit.status", status);
            }
        } catch (DaemonError e) {
            throw new DockerError(statusFor(e.daemonMessage()),
                    "docker: " + e.cliText() + "\n\nRun 'docker run --help' for more information");
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
    }

    /** The CLI's run status: 127 command not found, 126 cannot be invoked, else 125. */
    static int statusFor(String daemonMessage) {
        if (daemonMessage.contains("executable file not found") || daemonMessage.contains("no such file or directory")
                || daemonMessage.contains("system cannot find the file specified")) {
            return 127;
        }
        if (daemonMessage.contains("permission denied")) {
            return 126;
        }
        return 125;
    }
}
