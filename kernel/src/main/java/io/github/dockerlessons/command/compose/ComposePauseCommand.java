package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.engine.Engine;

/**
 * {@code docker compose pause} and {@code unpause}: the services' running containers frozen or
 * thawed, each reported "Paused" or "Unpaused" under Compose's panel ("Pausing", and "Running" for
 * unpause, as Compose 2 titles them). One class, as the two differ only in the engine call and words.
 */
public final class ComposePauseCommand implements DockerCommand {
    private final CommandSpec spec;
    private final boolean pause;

    private ComposePauseCommand(String name, boolean pause) {
        this.spec = CommandSpec.command("compose " + name, "docker compose " + name + " [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .arity(Arity.atLeast(0))
                .arguments(ComposeProjectFlags.SERVICES)
                .build();
        this.pause = pause;
    }

    public static ComposePauseCommand pause() {
        return new ComposePauseCommand("pause", true);
    }

    public static ComposePauseCommand unpause() {
        return new ComposePauseCommand("unpause", false);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        ServiceTargets.eachReported(ctx, pause ? "Pausing" : "Running", ServiceTargets.of(in, ctx, in.args(), false),
                null, pause ? "Paused" : "Unpaused", "Error", c -> ctx.answer(client -> pause
                        ? client.pauseContainerCmd(Engine.pathSegment(c.getId())).exec()
                        : client.unpauseContainerCmd(Engine.pathSegment(c.getId())).exec()));
    }
}
