package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.swarm.StoredObjectLsCommand;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config ls}: the swarm's configs by name. */
public final class ConfigLsCommand extends StoredObjectLsCommand {
    public ConfigLsCommand() {
        super(StoredObjects.CONFIG);
    }
}
