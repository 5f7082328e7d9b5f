package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;

import java.util.List;

/** {@code docker pause}: freeze every process of the containers (the cgroup freezer). */
public final class PauseCommand extends DockerCommand {
    @Override
    public String name() {
        return "pause";
    }

    @Override
    public String usage() {
        return "docker pause CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container pause", "docker pause");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, true, target -> {
            ctx.engine().run(client -> client.pauseContainerCmd(target).exec());
            return true;
        });
    }
}
