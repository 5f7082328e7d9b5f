package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.swarm.StoredObjectCreateCommand;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config create NAME FILE|-}: a config from a file, or from the cell's heredoc with "-"; prints its ID. */
public final class ConfigCreateCommand extends StoredObjectCreateCommand {
    public ConfigCreateCommand() {
        super(StoredObjects.CONFIG);
    }
}
