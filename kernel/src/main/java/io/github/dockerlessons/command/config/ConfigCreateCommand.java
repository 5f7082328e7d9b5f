package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.swarm.StoredObjects;
import io.github.dockerlessons.golang.Units;

import java.util.List;

/** {@code docker config create NAME FILE|-}: a config from a file, or from the cell's heredoc with "-"; prints its ID. */
public final class ConfigCreateCommand implements DockerCommand {
    private static final Flag<List<String>> LABEL = Flag.list('l', "label");

    private static final CommandSpec SPEC = CommandSpec.command("config create", "docker config create [OPTIONS] CONFIG file|-")
            .flags(LABEL)
            .arity(Arity.exactly(2))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        StoredObjects.CONFIG.create(ctx, in.arg(0), in.arg(1), Units.labels(in.get(LABEL)));
    }
}
