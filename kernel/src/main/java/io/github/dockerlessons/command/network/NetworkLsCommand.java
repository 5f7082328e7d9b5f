package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandSpec;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.CommonFlags;
import io.github.dockerlessons.command.Filters;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.Table;
import com.github.dockerjava.api.model.Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker network ls}: the networks by name, as a table or IDs with -q. */
public final class NetworkLsCommand implements DockerCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("driver", "id", "label", "name", "scope", "type");

    private static final CommandSpec SPEC = CommandSpec.command("network ls", "docker network ls [OPTIONS]")
            .aliases("docker network ls", "docker network list")
            .flags(FILTER, NO_TRUNC, QUIET)
            .arity(Arity.none())
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        boolean noTrunc = in.get(NO_TRUNC);
        Map<String, List<String>> filter = ctx.scoped(Filters.parse(in.get(FILTER), in));
        List<Network> networks = new ArrayList<>(ctx.call(client -> {
            var cmd = client.listNetworksCmd();
            filter.forEach((key, values) -> cmd.withFilter(key, values));
            return cmd.exec();
        }));
        // The CLI lists networks by name.
        networks.sort(Comparator.comparing(Network::getName));
        if (in.get(QUIET)) {
            StringBuilder out = new StringBuilder();
            networks.forEach(n -> out.append(ContainerTable.id(n.getId(), !noTrunc)).append('\n'));
            ctx.console().out(out.toString());
            return;
        }
        Table table = new Table(List.of(new Table.Column("NETWORK ID", true), new Table.Column("NAME", false),
                new Table.Column("DRIVER", false), new Table.Column("SCOPE", false)), -1);
        for (Network network : networks) {
            table.add(new Table.Row(List.of(ContainerTable.id(network.getId(), !noTrunc), network.getName(),
                    network.getDriver(), network.getScope()), null));
        }
        ctx.console().result(table.toBundle());
    }
}
