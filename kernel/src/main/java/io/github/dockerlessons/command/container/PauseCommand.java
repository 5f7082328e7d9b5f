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

/** {@code docker pause}: freeze every process of the containers (the cgroup freezer). */
public final class PauseCommand extends DeclaredCommand {
    public PauseCommand() {
        super(CommandSpec.command("pause", "docker pause CONTAINER [CONTAINER...]")
                .aliases("docker container pause", "docker pause")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.UNPAUSED_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.answer(client -> client.pauseContainerCmd(Engine.pathSegment(target)).exec());
            return true;
        });
    }
}
