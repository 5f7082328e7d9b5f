package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.swarm.StoredObjectCreateCommand;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker secret create NAME FILE|-}: a secret from a file, or from the cell's heredoc with "-"; prints its ID. */
public final class SecretCreateCommand extends StoredObjectCreateCommand {
    public SecretCreateCommand() {
        super(StoredObjects.SECRET);
    }
}
