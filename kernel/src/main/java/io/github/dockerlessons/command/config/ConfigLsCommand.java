package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.swarm.StoredObjects;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.Filters;

import java.util.List;

/** {@code docker config ls}: the swarm's configs by name. */
public final class ConfigLsCommand implements DockerCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("id", "label", "name");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "CreatedAt", "UpdatedAt", "Labels");

    private static final CommandSpec SPEC = CommandSpec.command("config ls", "docker config ls [OPTIONS]")
            .aliases("docker config ls", "docker config list")
            .flags(FILTER, FORMAT, QUIET)
            .arity(Arity.none())
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.list(ctx, Filters.parse(in.get(FILTER), in), in.get(FORMAT), in.get(QUIET));
    }
}
