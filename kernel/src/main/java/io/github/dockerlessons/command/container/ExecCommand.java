package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.engine.HijackedStream;
import io.github.dockerlessons.engine.StreamPump;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** {@code docker exec}: run a command in a running container, streaming its output. */
public final class ExecCommand extends DockerCommand {
    @Option(names = {"-i", "--interactive"})
    boolean interactive;

    @Option(names = {"-t", "--tty"})
    boolean tty;

    @Option(names = {"-d", "--detach"})
    boolean detach;

    @Option(names = {"-e", "--env"}, paramLabel = "list")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "string")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "string")
    String user;

    @Override
    public String name() {
        return "exec";
    }

    @Override
    public String usage() {
        return "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(2);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container exec", "docker exec");
    }

    @Override
    public boolean flagsEndAtFirstArgument() {
        return true;
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        String container = args.get(0);
        List<String> command = List.copyOf(args.subList(1, args.size()));
        boolean ask = interactive && !detach && ctx.stdin() == null && ctx.console().canAsk();
        if (interactive && !detach && ctx.stdin() == null && !ask) {
            throw new DockerError(1, "", "hint.exec.needs.heredoc", container, String.join(" ", command));
        }
        boolean attachStdin = interactive && !detach;
        String execId = engine(ctx, client -> {
            var cmd = client.execCreateCmd(container).withCmd(command.toArray(new String[0]))
                    .withAttachStdout(!detach).withAttachStderr(!detach).withAttachStdin(attachStdin).withTty(tty);
            if (!env.isEmpty()) {
                cmd.withEnv(env);
            }
            if (workdir != null) {
                cmd.withWorkingDir(workdir);
            }
            if (user != null) {
                cmd.withUser(user);
            }
            return cmd.exec().getId();
        });
        if (detach) {
            engine(ctx, client -> client.execStartCmd(execId).withDetach(true).withTty(tty)
                    .exec(new StreamPump(ctx.console())).awaitCompletion());
            return;
        }
        StreamPump pump = new StreamPump(ctx.console(), tty);
        HijackedStream hijacked = null;
        try {
            if (attachStdin) {
                hijacked = ctx.engine().hijack("/exec/" + execId + "/start",
                        "{\"Detach\":false,\"Tty\":" + tty + "}", tty);
            }
            if (hijacked != null) {
                ctx.cancellation().register(hijacked);
                hijacked.start(ctx.stdin(), ctx.console(), pump);
                if (tty) {
                    engine(ctx, client -> {
                        client.resizeExecCmd(execId).withSize(24, 80).exec();
                        return null;
                    });
                }
                pump.awaitCompletion();
            } else {
                engine(ctx, client -> {
                    var start = client.execStartCmd(execId).withTty(tty);
                    if (attachStdin) {
                        start.withStdIn(new ByteArrayInputStream(ctx.stdin()));
                    }
                    return start.exec(ctx.cancellation().register(pump)).awaitCompletion();
                });
            }
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        } finally {
            ctx.cancellation().unregister(pump);
            if (hijacked != null) {
                ctx.cancellation().unregister(hijacked);
                try {
                    hijacked.close();
                } catch (java.io.IOException ignored) {
                    // already closed by the engine
                }
            }
        }
        Long exit = engine(ctx, client -> client.inspectExecCmd(execId).exec().getExitCodeLong());
        if (exit != null && exit != 0) {
            throw new DockerError(exit.intValue(), "", "hint.exit.status", exit);
        }
    }
}
