package io.github.dockerlessons.command.secret;

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

/** {@code docker secret inspect SECRET...}: the engine's JSON of each secret (never its data), or a template over it. */
public final class SecretInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public SecretInspectCommand() {
        super(CommandSpec.command("secret inspect", "docker secret inspect [OPTIONS] SECRET [SECRET...]")
                .flags(FORMAT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SECRET)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.SECRET.inspect(ctx, in.args(), in.get(FORMAT));
    }
}
