package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker restart}: stop (with the timeout) and start again. */
public final class RestartCommand extends DockerCommand {
    @Option(names = {"-t", "--timeout"}, paramLabel = "int")
    Integer timeout;

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public String usage() {
        return "docker restart [OPTIONS] CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container restart", "docker restart");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, true, target -> {
            ctx.engine().run(client -> {
            var cmd = client.restartContainerCmd(target);
            if (timeout != null) {
                cmd.withTimeout(timeout);
            }
            return cmd.exec();
        });
            return true;
        });
    }
}
