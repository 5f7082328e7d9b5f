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

/** {@code docker unpause}: thaw the processes of paused containers. */
public final class UnpauseCommand implements DockerCommand {
    private static final CommandSpec SPEC = CommandSpec.command("unpause", "docker unpause CONTAINER [CONTAINER...]")
            .aliases("docker container unpause", "docker unpause")
            .arity(Arity.atLeast(1))
            .arguments(Arguments.each(NameKind.PAUSED_CONTAINER))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.request(client -> client.unpauseContainerCmd(EngineGateway.pathSegment(target)).exec());
            return true;
        });
    }
}
