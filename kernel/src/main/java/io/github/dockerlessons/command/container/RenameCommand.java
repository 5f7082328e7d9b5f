package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;

import java.util.List;

/** {@code docker rename}: give a container a new name. */
public final class RenameCommand extends DockerCommand {
    @Override
    public String name() {
        return "rename";
    }

    @Override
    public String usage() {
        return "docker rename CONTAINER NEW_NAME";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container rename", "docker rename");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        engine(ctx, client -> client.renameContainerCmd(args.get(0)).withName(args.get(1)).exec());
    }
}
