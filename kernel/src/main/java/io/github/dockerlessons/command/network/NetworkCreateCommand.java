package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandSpec;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

/** {@code docker network create}: a network; prints its ID. */
public final class NetworkCreateCommand implements DockerCommand {
    private static final Flag<String> DRIVER = Flag.of('d', "driver", FlagType.STRING, "bridge");
    private static final Flag<Boolean> INTERNAL = Flag.bool("internal");

    private static final CommandSpec SPEC = CommandSpec.command("network create", "docker network create [OPTIONS] NETWORK")
            .flags(DRIVER, INTERNAL)
            .arity(Arity.exactly(1))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String id = ctx.call(client -> client.createNetworkCmd().withName(in.arg(0)).withDriver(in.get(DRIVER))
                .withInternal(in.get(INTERNAL)).withCheckDuplicate(true).exec().getId());
        ctx.console().out(id + "\n");
    }
}
