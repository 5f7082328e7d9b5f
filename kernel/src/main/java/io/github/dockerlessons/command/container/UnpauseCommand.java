package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;

import java.util.List;

/** {@code docker unpause}: let the processes of paused containers run again. */
public final class UnpauseCommand extends DockerCommand {
    @Override
    public String name() {
        return "unpause";
    }

    @Override
    public String usage() {
        return "docker unpause CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container unpause", "docker unpause");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, true, target -> {
            ctx.engine().run(client -> client.unpauseContainerCmd(target).exec());
            return true;
        });
    }
}
