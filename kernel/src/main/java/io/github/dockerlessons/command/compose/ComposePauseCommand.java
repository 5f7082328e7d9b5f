package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.engine.Engine;

/** {@code docker compose pause}: the services' running containers frozen, each reported "Paused". */
public final class ComposePauseCommand implements DockerCommand {
    private static final CommandSpec SPEC = CommandSpec.command("compose pause", "docker compose pause [SERVICE...]")
            .flags(ComposeProjectFlags.HIDDEN)
            .arity(Arity.atLeast(0))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ServiceTargets.eachReported(ctx, "Pausing", ServiceTargets.of(in, ctx, in.args(), false), null, "Paused",
                "Error", c -> ctx.call(client -> client.pauseContainerCmd(Engine.pathSegment(c.getId())).exec()));
    }
}
