package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker stop}: SIGTERM, then SIGKILL after the timeout. */
public final class StopCommand extends DockerCommand {
    @Option(names = {"-t", "--timeout"}, paramLabel = "int")
    Integer timeout;

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String usage() {
        return "docker stop [OPTIONS] CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container stop", "docker stop");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, true, target -> {
            try {
                ctx.engine().run(client -> {
                    var cmd = client.stopContainerCmd(target);
                    if (timeout != null) {
                        cmd.withTimeout(timeout);
                    }
                    return cmd.exec();
                });
            } catch (DaemonError e) {
                if (e.httpStatus() != 304) { // already stopped is not an error for the CLI
                    throw e;
                }
            }
            return true;
        });
    }
}
