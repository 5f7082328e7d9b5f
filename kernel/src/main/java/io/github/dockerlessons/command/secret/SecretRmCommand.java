package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker secret rm SECRET...}: each removed secret printed as named; the others reported at the end. */
public final class SecretRmCommand extends DeclaredCommand {
    public SecretRmCommand() {
        super(CommandSpec.command("secret rm", "docker secret rm SECRET [SECRET...]")
                .aliases("docker secret rm", "docker secret remove")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SECRET)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.SECRET.remove(ctx, in.args());
    }
}
