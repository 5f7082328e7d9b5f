package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config ls}: the swarm's configs by name. */
public final class ConfigLsCommand extends DeclaredCommand {
    public ConfigLsCommand() {
        super(StoredObjects.CONFIG.lsSpec());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.list(in, ctx);
    }
}
