package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arguments;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandSpec;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.Targets;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.EngineGateway;

/** {@code docker pause}: freeze every process of the containers (the cgroup freezer). */
public final class PauseCommand implements DockerCommand {
    private static final CommandSpec SPEC = CommandSpec.command("pause", "docker pause CONTAINER [CONTAINER...]")
            .aliases("docker container pause", "docker pause")
            .arity(Arity.atLeast(1))
            .arguments(Arguments.each(NameKind.UNPAUSED_CONTAINER))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.request(client -> client.pauseContainerCmd(EngineGateway.pathSegment(target)).exec());
            return true;
        });
    }
}
