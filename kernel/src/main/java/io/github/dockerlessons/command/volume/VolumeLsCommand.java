package io.github.dockerlessons.command.volume;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.VolumeFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker volume ls}: the volumes, as a table, names with -q, or through a template. */
public final class VolumeLsCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("dangling", "driver", "label", "name");
    private static final Flag<String> FORMAT = CommonFlags.format("Name", "Driver", "Scope", "Mountpoint", "Labels");

    public VolumeLsCommand() {
        super(CommandSpec.command("volume ls", "docker volume ls [OPTIONS]")
                .aliases("docker volume ls", "docker volume list")
                .flags(FILTER, FORMAT, QUIET));
    }

    /** One run's options, as docker/cli's listOptions. */
    private record Options(Map<String, List<String>> filter, String format, boolean quiet) {
        static Options of(Invocation in, CommandContext ctx) throws DockerError {
            return new Options(ctx.scoped(Filters.parse(in.get(FILTER), in)), in.get(FORMAT), in.get(QUIET));
        }

        /** The CLI's NewVolumeFormat: the table, or only the names with -q; a template of the user's as given. */
        String template() {
            return ListingFormat.template(format, quiet, "{{.Name}}", VolumeFields.DEFAULT_TABLE);
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = Options.of(in, ctx);
        // The raw answer: docker-java's model has no Scope.
        JsonElement answer = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                "/volumes" + Filters.query(o.filter())));
        List<JsonObject> volumes = new ArrayList<>();
        if (answer != null && answer.isJsonObject() && answer.getAsJsonObject().get("Volumes") != null
                && answer.getAsJsonObject().get("Volumes").isJsonArray()) {
            answer.getAsJsonObject().getAsJsonArray("Volumes").forEach(v -> volumes.add(v.getAsJsonObject()));
        }
        // The CLI lists volumes by name, in natural order ("v2" before "v10").
        volumes.sort(Comparator.comparing(v -> v.has("Name") ? v.get("Name").getAsString() : "", NaturalOrder.INSTANCE));
        List<FieldContext> rows = new ArrayList<>();
        volumes.forEach(v -> rows.add(VolumeFields.of(v)));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(o.template(), rows, VolumeFields.empty(), null)));
    }
}
