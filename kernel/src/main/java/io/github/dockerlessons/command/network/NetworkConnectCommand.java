package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker network connect}: join a container to a network. */
public final class NetworkConnectCommand implements DockerCommand {

    private static final CommandSpec SPEC = CommandSpec.command("network connect", "docker network connect [OPTIONS] NETWORK CONTAINER")
            .arity(Arity.exactly(2))
            .arguments(Arguments.first(NameKind.NETWORK, NameKind.ANY_CONTAINER))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        ctx.answer(client -> {
            client.connectToNetworkCmd().withNetworkId(Engine.pathSegment(in.arg(0))).withContainerId(in.arg(1))
                    .exec();
            return null;
        });
    }
}
