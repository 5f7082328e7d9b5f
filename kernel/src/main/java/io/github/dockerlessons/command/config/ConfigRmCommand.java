package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config rm CONFIG...}: each removed config printed as named; the others reported at the end. */
public final class ConfigRmCommand extends DeclaredCommand {
    public ConfigRmCommand() {
        super(CommandSpec.command("config rm", "docker config rm CONFIG [CONFIG...]")
                .aliases("docker config rm", "docker config remove")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.CONFIG)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.remove(ctx, in.args());
    }
}
