package io.github.dockerlessons.command.volume;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Inspection;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker volume inspect}: the engine's JSON of each volume, or a template over it. */
public final class VolumeInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public VolumeInspectCommand() {
        super(CommandSpec.command("volume inspect", "docker volume inspect [OPTIONS] VOLUME [VOLUME...]")
                .flags(FORMAT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.VOLUME)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Inspection.inspectAll(ctx, in.args(), "/volumes/", in.get(FORMAT));
    }
}
