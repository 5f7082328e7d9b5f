package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker secret create NAME FILE|-}: a secret from a file, or from the cell's heredoc with "-"; prints its ID. */
public final class SecretCreateCommand extends DeclaredCommand {
    public SecretCreateCommand() {
        super(StoredObjects.SECRET.createSpec());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.SECRET.create(in, ctx);
    }
}
