package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.swarm.StoredObjects;

/** {@code docker config ls}: the swarm's configs by name. */
public final class ConfigLsCommand implements DockerCommand {
    private static final CommandSpec SPEC = StoredObjects.CONFIG.lsSpec();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.list(in, ctx);
    }
}
