package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker secret ls}: the swarm's secrets by name. */
public final class SecretLsCommand extends DeclaredCommand {
    public SecretLsCommand() {
        super(StoredObjects.SECRET.lsSpec());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.SECRET.list(in, ctx);
    }
}
