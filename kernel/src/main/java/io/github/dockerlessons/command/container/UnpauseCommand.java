package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker unpause}: thaw the processes of paused containers. */
public final class UnpauseCommand extends DeclaredCommand {
    public UnpauseCommand() {
        super(CommandSpec.command("unpause", "docker unpause CONTAINER [CONTAINER...]")
                .aliases("docker container unpause", "docker unpause")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.PAUSED_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.answer(client -> client.unpauseContainerCmd(Engine.pathSegment(target)).exec());
            return true;
        });
    }
}
