package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.engine.Engine;

/** {@code docker compose unpause}: the services' running containers thawed, each reported "Unpaused". */
public final class ComposeUnpauseCommand implements DockerCommand {
    private static final CommandSpec SPEC = CommandSpec.command("compose unpause", "docker compose unpause [SERVICE...]")
            .flags(ComposeProjectFlags.HIDDEN)
            .arity(Arity.atLeast(0))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ServiceTargets.eachReported(ctx, "Running", ServiceTargets.of(in, ctx, in.args(), false), null, "Unpaused",
                "Error", c -> ctx.call(client -> client.unpauseContainerCmd(Engine.pathSegment(c.getId())).exec()));
    }
}
