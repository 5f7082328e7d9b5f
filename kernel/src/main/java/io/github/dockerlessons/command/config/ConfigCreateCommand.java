package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config create NAME FILE|-}: a config from a file, or from the cell's heredoc with "-"; prints its ID. */
public final class ConfigCreateCommand extends DeclaredCommand {
    public ConfigCreateCommand() {
        super(StoredObjects.CONFIG.createSpec());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.create(in, ctx);
    }
}
