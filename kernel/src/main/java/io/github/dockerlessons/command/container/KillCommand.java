package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker kill}: a signal (KILL unless -s says otherwise), no grace period. */
public final class KillCommand extends DockerCommand {
    @Option(names = {"-s", "--signal"}, paramLabel = "string")
    String signal;

    @Override
    public String name() {
        return "kill";
    }

    @Override
    public String usage() {
        return "docker kill [OPTIONS] CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container kill", "docker kill");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, true, target -> {
            ctx.engine().run(client -> {
            var cmd = client.killContainerCmd(target);
            if (signal != null && !signal.isEmpty()) {
                cmd.withSignal(signal);
            }
            return cmd.exec();
        });
            return true;
        });
    }
}
