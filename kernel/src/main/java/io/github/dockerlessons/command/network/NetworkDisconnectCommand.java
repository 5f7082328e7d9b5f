package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker network disconnect}: take a container off a network. */
public final class NetworkDisconnectCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public NetworkDisconnectCommand() {
        super(CommandSpec.command("network disconnect", "docker network disconnect [OPTIONS] NETWORK CONTAINER")
                .flags(FORCE)
                .takes(Arity.exactly(2), Arguments.first(NameKind.NETWORK, NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        ctx.answer(client -> {
            client.disconnectFromNetworkCmd().withNetworkId(Engine.pathSegment(in.arg(0)))
                    .withContainerId(in.arg(1)).withForce(in.get(FORCE)).exec();
            return null;
        });
    }
}
