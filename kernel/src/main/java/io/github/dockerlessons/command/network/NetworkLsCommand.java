package io.github.dockerlessons.command.network;

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
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.NetworkFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker network ls}: the networks by name, as a table, IDs with -q, or through a template. */
public final class NetworkLsCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("driver", "id", "label", "name", "scope", "type");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "Driver", "Scope", "IPv6", "Internal",
            "Labels", "CreatedAt");

    public NetworkLsCommand() {
        super(CommandSpec.command("network ls", "docker network ls [OPTIONS]")
                .aliases("docker network ls", "docker network list")
                .flags(FILTER, FORMAT, NO_TRUNC, QUIET));
    }

    /** One run's options, as docker/cli's listOptions. */
    private record Options(Map<String, List<String>> filter, String format, boolean quiet, boolean noTrunc) {
        static Options of(Invocation in, CommandContext ctx) throws DockerError {
            return new Options(ctx.scoped(Filters.parse(in.get(FILTER), in)), in.get(FORMAT), in.get(QUIET),
                    in.get(NO_TRUNC));
        }

        /** The CLI's newFormat: the table, or only the IDs with -q; a template of the user's as given. */
        String template() {
            return ListingFormat.template(format, quiet, "{{.ID}}", NetworkFields.DEFAULT_TABLE);
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = Options.of(in, ctx);
        // The raw answer: CreatedAt is printed to the nanosecond, which docker-java's Date loses.
        JsonElement answer = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                "/networks" + Filters.query(o.filter())));
        List<JsonObject> networks = new ArrayList<>();
        if (answer != null && answer.isJsonArray()) {
            answer.getAsJsonArray().forEach(n -> networks.add(n.getAsJsonObject()));
        }
        // The CLI lists networks by name.
        networks.sort(Comparator.comparing(n -> n.has("Name") ? n.get("Name").getAsString() : ""));
        List<FieldContext> rows = new ArrayList<>();
        networks.forEach(n -> rows.add(NetworkFields.of(n, !o.noTrunc())));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(o.template(), rows, NetworkFields.empty(), null)));
    }
}
