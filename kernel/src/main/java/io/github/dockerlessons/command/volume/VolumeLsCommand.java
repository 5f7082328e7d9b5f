package io.github.dockerlessons.command.volume;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandSpec;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.CommonFlags;
import io.github.dockerlessons.command.Filters;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.render.Table;
import com.github.dockerjava.api.command.InspectVolumeResponse;

import java.util.List;
import java.util.Map;

/** {@code docker volume ls}: the volumes, as a table or names with -q. */
public final class VolumeLsCommand implements DockerCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("dangling", "driver", "label", "name");

    private static final CommandSpec SPEC = CommandSpec.command("volume ls", "docker volume ls [OPTIONS]")
            .aliases("docker volume ls", "docker volume list")
            .flags(FILTER, QUIET)
            .arity(Arity.none())
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, List<String>> filter = ctx.scoped(Filters.parse(in.get(FILTER), in));
        var response = ctx.call(client -> {
            var cmd = client.listVolumesCmd();
            filter.forEach(cmd::withFilter);
            return cmd.exec();
        });
        List<InspectVolumeResponse> volumes = response.getVolumes() == null ? List.of() : response.getVolumes();
        if (in.get(QUIET)) {
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
