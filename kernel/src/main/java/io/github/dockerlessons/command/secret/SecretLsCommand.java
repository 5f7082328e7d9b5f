package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.swarm.StoredObjectLsCommand;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker secret ls}: the swarm's secrets by name. */
public final class SecretLsCommand extends StoredObjectLsCommand {
    public SecretLsCommand() {
        super(StoredObjects.SECRET);
    }
}
