package io.github.dockerlessons.command.volume;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker volume rm}: remove volumes, reporting the ones that could not be removed at the end. */
public final class VolumeRmCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public VolumeRmCommand() {
        super(CommandSpec.command("volume rm", "docker volume rm [OPTIONS] VOLUME [VOLUME...]")
                .aliases("docker volume rm", "docker volume remove")
                .flags(FORCE)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.VOLUME)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.answer(client -> {
                client.removeVolumeCmd(Engine.pathSegment(target)).exec();
                return null;
            });
            return true;
        });
    }
}
