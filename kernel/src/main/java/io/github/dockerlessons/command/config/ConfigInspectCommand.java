package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config inspect CONFIG...}: the engine's JSON of each config (never its data), or a template over it. */
public final class ConfigInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public ConfigInspectCommand() {
        super(CommandSpec.command("config inspect", "docker config inspect [OPTIONS] CONFIG [CONFIG...]")
                .flags(FORMAT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.CONFIG)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.inspect(ctx, in.args(), in.get(FORMAT));
    }
}
