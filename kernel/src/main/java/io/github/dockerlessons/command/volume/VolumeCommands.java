package io.github.dockerlessons.command.volume;

import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Filters;
import io.github.dockerlessons.command.Inspection;
import io.github.dockerlessons.command.RawApi;
import io.github.dockerlessons.render.Table;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker volume ls|create|rm|inspect}: named storage that outlives containers. */
public final class VolumeCommands {
    private VolumeCommands() {
    }

    public static final class Ls extends DockerCommand {
        @Option(names = {"-q", "--quiet"})
        boolean quiet;

        @Option(names = {"-f", "--filter"}, paramLabel = "filter")
        List<String> filters = new ArrayList<>();

        @Override
        public String name() {
            return "volume.ls";
        }

        @Override
        public String usage() {
            return "docker volume ls [OPTIONS]";
        }

        @Override
        public Arity arity() {
            return Arity.none();
        }

        @Override
        public List<String> aliases() {
            return List.of("docker volume ls", "docker volume list");
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            Map<String, List<String>> filter = Filters.parse(filters, this);
            var response = engine(ctx, client -> {
                var cmd = client.listVolumesCmd();
                filter.forEach(cmd::withFilter);
                return cmd.exec();
            });
            List<InspectVolumeResponse> volumes = response.getVolumes() == null ? List.of() : response.getVolumes();
            if (quiet) {
                StringBuilder out = new StringBuilder();
                volumes.forEach(v -> out.append(v.getName()).append('\n'));
                ctx.console().out(out.toString());
                return;
            }
            Table table = new Table(List.of(new Table.Column("DRIVER", false), new Table.Column("VOLUME NAME", false)), -1);
            for (InspectVolumeResponse volume : volumes) {
                table.add(new Table.Row(List.of(volume.getDriver(), volume.getName()), null));
            }
            ctx.console().result(table.toBundle());
        }
    }

    public static final class Create extends DockerCommand {
        @Option(names = {"-d", "--driver"}, paramLabel = "string")
        String driver = "local";

        @Option(names = "--label", paramLabel = "list")
        List<String> labels = new ArrayList<>();

        @Override
        public String name() {
            return "volume.create";
        }

        @Override
        public String usage() {
            return "docker volume create [OPTIONS] [VOLUME]";
        }

        @Override
        public Arity arity() {
            return Arity.atMost(1);
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            Map<String, String> labelMap = new LinkedHashMap<>();
            for (String label : labels) {
                int eq = label.indexOf('=');
                labelMap.put(eq < 0 ? label : label.substring(0, eq), eq < 0 ? "" : label.substring(eq + 1));
            }
            String name = engine(ctx, client -> {
                var cmd = client.createVolumeCmd().withDriver(driver);
                if (!args.isEmpty()) {
                    cmd.withName(args.get(0));
                }
                if (!labelMap.isEmpty()) {
                    cmd.withLabels(labelMap);
                }
                return cmd.exec().getName();
            });
            ctx.console().out(name + "\n");
        }
    }

    public static final class Rm extends DockerCommand {
        @Option(names = {"-f", "--force"})
        boolean force;

        @Override
        public String name() {
            return "volume.rm";
        }

        @Override
        public String usage() {
            return "docker volume rm [OPTIONS] VOLUME [VOLUME...]";
        }

        @Override
        public Arity arity() {
            return Arity.atLeast(1);
        }

        @Override
        public List<String> aliases() {
            return List.of("docker volume rm", "docker volume remove");
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            forEachTarget(ctx, args, true, target -> {
                ctx.engine().run(client -> {
                    client.removeVolumeCmd(target).exec();
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
            return "volume.inspect";
        }

        @Override
        public String usage() {
            return "docker volume inspect [OPTIONS] VOLUME [VOLUME...]";
        }

        @Override
        public Arity arity() {
            return Arity.atLeast(1);
        }

        @Override
        public void execute(CommandContext ctx) throws DockerError, InterruptedException {
            inspectAll(ctx, args, "/volumes/", format);
        }
    }

    /** The engine's JSON for each named object, printed as {@code docker inspect} prints it. */
    public static void inspectAll(CommandContext ctx, List<String> names, String prefix, String format)
            throws DockerError {
        List<String> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                objects.add(RawApi.json(ctx, DockerHttpClient.Request.Method.GET, prefix + RawApi.encode(name)).toString());
            } catch (DockerError e) {
                errors.add(e.cliText());
            }
        }
        Inspection.answer(ctx, objects, errors, format);
    }
}
