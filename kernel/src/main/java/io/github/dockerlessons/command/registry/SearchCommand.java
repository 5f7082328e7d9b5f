package io.github.dockerlessons.command.registry;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.TabWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker search TERM}: the engine asks Docker Hub. The lessons' engine has no way out, so
 * there the engine's "network is unreachable" is the answer, with a hint; where Hub is reachable the
 * results are the CLI's table (NAME, DESCRIPTION, STARS, OFFICIAL).
 */
public final class SearchCommand extends DeclaredCommand {
    private static final Flag<List<String>> FILTER = CommonFlags.filter("is-official=", "stars=");
    private static final Flag<Integer> LIMIT = Flag.integer((char) 0, "limit", 0);
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");

    public SearchCommand() {
        super(CommandSpec.command("search", "docker search [OPTIONS] TERM")
                .flags(FILTER, LIMIT, NO_TRUNC)
                .arity(Arity.exactly(1)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Map<String, List<String>> filters = Filters.parse(in.get(FILTER), in);
        StringBuilder path = new StringBuilder("/images/search?term=").append(Engine.encode(in.arg(0)));
        if (in.get(LIMIT) > 0) {
            path.append("&limit=").append(in.get(LIMIT));
        }
        if (!filters.isEmpty()) {
            JsonObject json = new JsonObject();
            filters.forEach((k, values) -> {
                JsonObject set = new JsonObject();
                values.forEach(v -> set.addProperty(v, true));
                json.add(k, set);
            });
            path.append("&filters=").append(Engine.encode(json.toString()));
        }
        JsonElement results;
        try {
            results = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                    path.toString()));
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText(), e.daemonMessage().contains("network is unreachable")
                    ? "hint.search.offline" : null);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "DESCRIPTION", "STARS", "OFFICIAL"));
        for (JsonElement element : results.getAsJsonArray()) {
            JsonObject result = element.getAsJsonObject();
            String description = result.has("description") ? result.get("description").getAsString() : "";
            if (!in.get(NO_TRUNC) && description.codePointCount(0, description.length()) > 45) {
                description = description.substring(0, description.offsetByCodePoints(0, 44)) + "…";
            }
            rows.add(List.of(result.get("name").getAsString(), description.replace("\n", " "),
                    result.has("star_count") ? result.get("star_count").getAsString() : "0",
                    result.has("is_official") && result.get("is_official").getAsBoolean() ? "[OK]" : ""));
        }
        ctx.console().out(TabWriter.docker().format(rows));
    }
}
