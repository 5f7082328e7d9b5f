package io.github.dockerlessons.command.system;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Prompts;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.GoText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker system prune}: after the CLI's y/N question (answered by the cell's heredoc, or
 * {@code -f}), the stopped containers, unused networks, dangling images (every unused one with
 * {@code -a}), anonymous volumes with {@code --volumes}, and the build cache; each kind removed is
 * listed, then the space reclaimed.
 */
public final class SystemPruneCommand extends DeclaredCommand {
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<List<String>> FILTER = Flag.list("filter").shownAs("filter");
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");
    private static final Flag<Boolean> VOLUMES = Flag.bool("volumes");

    public SystemPruneCommand() {
        super(CommandSpec.command("system prune", "docker system prune [OPTIONS]")
                .flags(ALL, FILTER, FORCE, VOLUMES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean all = in.get(ALL);
        boolean volumes = in.get(VOLUMES);
        Map<String, List<String>> filters = Filters.parse(in.get(FILTER), in);
        if (volumes && filters.containsKey("until")) {
            throw new DockerError(1, "ERROR: The \"until\" filter is not supported with \"--volumes\"");
        }
        if (!in.get(FORCE) && !Prompts.confirm(ctx, warning(all, volumes, filters))) {
            return;
        }
        String note = ctx.messages().get("interrupt.engine.pruning");
        long reclaimed = 0;
        reclaimed += section(ctx, note, "/containers/prune", filters, "ContainersDeleted", "Deleted Containers:", true);
        section(ctx, note, "/networks/prune", filters, "NetworksDeleted", "Deleted Networks:", false);
        if (volumes) {
            reclaimed += section(ctx, note, "/volumes/prune", filters, "VolumesDeleted", "Deleted Volumes:", true);
        }
        Map<String, List<String>> imageFilters = new LinkedHashMap<>(filters);
        imageFilters.put("dangling", List.of(Boolean.toString(!all)));
        reclaimed += imageSection(ctx, note, imageFilters);
        String cachePath = "/build/prune?all=" + (all ? "1" : "0") + "&filters=" + Engine.encode(json(filters));
        JsonObject cache = ctx.untilDone(note, RawRequest.json(DockerHttpClient.Request.Method.POST, cachePath)).getAsJsonObject();
        List<String> caches = strings(cache.get("CachesDeleted"));
        if (!caches.isEmpty()) {
            ctx.console().out("Deleted build cache objects:\n" + String.join("\n", caches) + "\n\n");
        }
        reclaimed += cache.has("SpaceReclaimed") ? cache.get("SpaceReclaimed").getAsLong() : 0;
        ctx.console().out("Total reclaimed space: " + GoText.humanSize(reclaimed, 4) + "\n");
    }

    /** The CLI's confirmation text, which names what will go. */
    static String warning(boolean all, boolean volumes, Map<String, List<String>> filters) {
        List<String> items = new ArrayList<>(List.of("all stopped containers",
                "all networks not used by at least one container"));
        if (volumes) {
            items.add("all anonymous volumes not used by at least one container");
        }
        items.add(all ? "all images without at least one container associated to them" : "all dangling images");
        items.add(all ? "all build cache" : "unused build cache");
        StringBuilder text = new StringBuilder("WARNING! This will remove:");
        items.forEach(item -> text.append("\n  - ").append(item));
        text.append('\n');
        List<String> shown = new ArrayList<>();
        for (String name : List.of("label", "label!", "until")) {
            filters.getOrDefault(name, List.of()).forEach(v -> shown.add(name + "=" + v));
        }
        if (!shown.isEmpty()) {
            shown.sort(null);
            text.append("\n  Items to be pruned will be filtered with:");
            shown.forEach(f -> text.append("\n  - ").append(f));
            text.append('\n');
        }
        return text.toString();
    }

    private static long section(CommandContext ctx, String note, String path, Map<String, List<String>> filters,
                                String field, String heading, boolean countSpace)
            throws DockerError, DaemonError, InterruptedException {
        JsonObject answer = ctx.untilDone(note, RawRequest.json(DockerHttpClient.Request.Method.POST,
                path + "?filters=" + Engine.encode(json(filters)))).getAsJsonObject();
        List<String> deleted = strings(answer.get(field));
        if (deleted.isEmpty()) {
            return 0;
        }
        ctx.console().out(heading + "\n" + String.join("\n", deleted) + "\n\n");
        return countSpace && answer.has("SpaceReclaimed") ? answer.get("SpaceReclaimed").getAsLong() : 0;
    }

    private static long imageSection(CommandContext ctx, String note, Map<String, List<String>> filters)
            throws DockerError, DaemonError, InterruptedException {
        JsonObject answer = ctx.untilDone(note, RawRequest.json(DockerHttpClient.Request.Method.POST,
                "/images/prune?filters=" + Engine.encode(json(filters)))).getAsJsonObject();
        JsonElement items = answer.get("ImagesDeleted");
        if (items == null || !items.isJsonArray() || items.getAsJsonArray().isEmpty()) {
            return 0;
        }
        StringBuilder out = new StringBuilder("Deleted Images:\n");
        for (JsonElement item : items.getAsJsonArray()) {
            JsonObject entry = item.getAsJsonObject();
            if (entry.has("Untagged") && !entry.get("Untagged").getAsString().isEmpty()) {
                out.append("untagged: ").append(entry.get("Untagged").getAsString()).append('\n');
            } else if (entry.has("Deleted")) {
                out.append("deleted: ").append(entry.get("Deleted").getAsString()).append('\n');
            }
        }
        ctx.console().out(out.append('\n').toString());
        return answer.has("SpaceReclaimed") ? answer.get("SpaceReclaimed").getAsLong() : 0;
    }

    private static String json(Map<String, List<String>> filters) {
        JsonObject object = new JsonObject();
        filters.forEach((key, values) -> {
            JsonObject set = new JsonObject();
            values.forEach(v -> set.addProperty(v, true));
            object.add(key, set);
        });
        return object.toString();
    }

    private static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isJsonArray()) {
            array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }
}
