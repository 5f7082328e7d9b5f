package io.github.dockerlessons.command.network;

import com.github.dockerjava.api.model.ContainerNetwork;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

import java.util.List;

/** {@code docker network connect}: join a container to a network. */
public final class NetworkConnectCommand extends DeclaredCommand {
    private static final Flag<List<String>> ALIAS = Flag.of((char) 0, "alias", FlagType.STRINGS, List.of());
    private static final Flag<String> IP = Flag.string("ip");
    private static final Flag<String> IP6 = Flag.string("ip6");

    public NetworkConnectCommand() {
        super(CommandSpec.command("network connect", "docker network connect [OPTIONS] NETWORK CONTAINER")
                .flags(ALIAS, IP, IP6)
                .takes(Arity.exactly(2), Arguments.first(NameKind.NETWORK, NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        // As the CLI's EndpointSettings: aliases, and the addresses asked for (the engine checks them).
        ContainerNetwork endpoint = new ContainerNetwork().withAliases(in.get(ALIAS))
                .withIpamConfig(new ContainerNetwork.Ipam().withIpv4Address(in.get(IP)).withIpv6Address(in.get(IP6)));
        ctx.answer(client -> {
            client.connectToNetworkCmd().withNetworkId(Engine.pathSegment(in.arg(0))).withContainerId(in.arg(1))
                    .withContainerNetwork(endpoint).exec();
            return null;
        });
    }
}
