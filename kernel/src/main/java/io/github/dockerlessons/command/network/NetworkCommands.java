package io.github.dockerlessons.command.network;

import com.github.dockerjava.api.model.Network;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Filters;
import io.github.dockerlessons.command.volume.VolumeCommands;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.Table;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker network ls|create|rm|inspect|connect|disconnect}: networks containers share. */
public final class NetworkCommands {
    private NetworkCommands() {
    }

    public static final class Ls extends DockerCommand {
        @Option(names = {"-q", "--quiet"})
        boolean quiet;

        @Option(names = "--no-trunc")
        boolean noTrunc;

        @Option(names = {"-f", "--filter"}, paramLabel = "filter")
        List<String> filters = new ArrayList<>();

        @Override
        public String name() {
            return "network.ls";
        }

        @Override
        public String usage() {
            return "docker network ls [OPTIONS]";
        }

        @Override
        public Arity arity() {
            return Arity.none();
        }

        @Override
        public List<String> aliases() {
            return List.of("docker network ls", "docker network list");
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            Map<String, List<String>> filter = Filters.parse(filters, this);
            List<Network> networks = engine(ctx, client -> {
                var cmd = client.listNetworksCmd();
                filter.forEach((key, values) -> cmd.withFilter(key, values));
                return cmd.exec();
            });
            // The CLI lists networks by name.
            networks = new ArrayList<>(networks);
            networks.sort(java.util.Comparator.comparing(Network::getName));
            if (quiet) {
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

    public static final class Create extends DockerCommand {
        @Option(names = {"-d", "--driver"}, paramLabel = "string")
        String driver = "bridge";

        @Option(names = "--internal")
        boolean internal;

        @Override
        public String name() {
            return "network.create";
        }

        @Override
        public String usage() {
            return "docker network create [OPTIONS] NETWORK";
        }

        @Override
        public Arity arity() {
            return Arity.exactly(1);
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            String id = engine(ctx, client -> client.createNetworkCmd().withName(args.get(0)).withDriver(driver)
                    .withInternal(internal).withCheckDuplicate(true).exec().getId());
            ctx.console().out(id + "\n");
        }
    }

    public static final class Rm extends DockerCommand {
        @Override
        public String name() {
            return "network.rm";
        }

        @Override
        public String usage() {
            return "docker network rm NETWORK [NETWORK...]";
        }

        @Override
        public Arity arity() {
            return Arity.atLeast(1);
        }

        @Override
        public List<String> aliases() {
            return List.of("docker network rm", "docker network remove");
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            forEachTarget(ctx, args, true, target -> {
                ctx.engine().run(client -> {
                    client.removeNetworkCmd(target).exec();
                    return null;
                });
                return true;
            });
        }
    }

    public static final class Inspect extends DockerCommand {
        @Option(names = {"-f", "--format"}, paramLabel = "string")
        String format;

        @Override
        public String name() {
            return "network.inspect";
        }

        @Override
        public String usage() {
            return "docker network inspect [OPTIONS] NETWORK [NETWORK...]";
        }

        @Override
        public Arity arity() {
            return Arity.atLeast(1);
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            VolumeCommands.inspectAll(ctx, args, "/networks/", format);
        }
    }

    public static final class Connect extends DockerCommand {
        @Override
        public String name() {
            return "network.connect";
        }

        @Override
        public String usage() {
            return "docker network connect [OPTIONS] NETWORK CONTAINER";
        }

        @Override
        public Arity arity() {
            return Arity.exactly(2);
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            engine(ctx, client -> {
                client.connectToNetworkCmd().withNetworkId(args.get(0)).withContainerId(args.get(1)).exec();
                return null;
            });
        }
    }

    public static final class Disconnect extends DockerCommand {
        @Option(names = {"-f", "--force"})
        boolean force;

        @Override
        public String name() {
            return "network.disconnect";
        }

        @Override
        public String usage() {
            return "docker network disconnect [OPTIONS] NETWORK CONTAINER";
        }

        @Override
        public Arity arity() {
            return Arity.exactly(2);
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            engine(ctx, client -> {
                client.disconnectFromNetworkCmd().withNetworkId(args.get(0)).withContainerId(args.get(1))
                        .withForce(force).exec();
                return null;
            });
        }
    }
}
