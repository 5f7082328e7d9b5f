package io.github.dockerlessons.command.network;

import com.github.dockerjava.api.model.Network;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.golang.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker network create}: a network; prints its ID. */
public final class NetworkCreateCommand extends DeclaredCommand {
    private static final Flag<String> DRIVER = Flag.of('d', "driver", FlagType.STRING, "bridge");
    private static final Flag<Boolean> INTERNAL = Flag.bool("internal");
    private static final Flag<Boolean> ATTACHABLE = Flag.bool("attachable");
    private static final Flag<List<String>> LABEL = Flag.list("label");
    private static final Flag<List<String>> SUBNET = Flag.of((char) 0, "subnet", FlagType.STRINGS, List.of());
    private static final Flag<List<String>> IP_RANGE = Flag.of((char) 0, "ip-range", FlagType.STRINGS, List.of());
    private static final Flag<List<String>> GATEWAY = Flag.of((char) 0, "gateway", FlagType.STRINGS, List.of());

    public NetworkCreateCommand() {
        super(CommandSpec.command("network create", "docker network create [OPTIONS] NETWORK")
                .flags(ATTACHABLE, DRIVER, GATEWAY, INTERNAL, IP_RANGE, LABEL, SUBNET)
                .arity(Arity.exactly(1)));
    }

    /** One run's options, as docker/cli's createOptions. */
    private record Options(String name, String driver, boolean internal, boolean attachable, Map<String, String> labels,
                           List<IpamSubnets.Subnet> subnets) {
        static Options of(Invocation in) throws DockerError {
            return new Options(in.arg(0), in.get(DRIVER), in.get(INTERNAL), in.get(ATTACHABLE), Units.labels(in.get(LABEL)),
                    IpamSubnets.consolidate(in.get(SUBNET), in.get(IP_RANGE), in.get(GATEWAY)));
        }

        /** The IPAM part of the request as the CLI sends it, or null for the engine's choice of subnet. */
        Network.Ipam ipam() {
            if (subnets.isEmpty()) {
                return null;
            }
            List<Network.Ipam.Config> configs = new ArrayList<>();
            for (IpamSubnets.Subnet s : subnets) {
                configs.add(new Network.Ipam.Config().withSubnet(s.subnet()).withIpRange(s.ipRange()).withGateway(s.gateway()));
            }
            return new Network.Ipam().withDriver("default").withConfig(configs);
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = Options.of(in);
        String id = ctx.answer(client -> client.createNetworkCmd().withName(o.name()).withDriver(o.driver())
                .withInternal(o.internal()).withAttachable(o.attachable()).withLabels(o.labels())
                .withCheckDuplicate(true).withIpam(o.ipam()).exec().getId());
        ctx.console().out(id + "\n");
    }
}
