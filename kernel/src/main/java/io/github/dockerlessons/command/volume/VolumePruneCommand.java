package io.github.dockerlessons.command.volume;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.ApiRequirement;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Prompts;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.ValueCompletion;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker volume prune}: remove the anonymous volumes no container uses (every unused one with
 * {@code -a}, the engine's {@code all} filter; an engine before API 1.42 takes every unused one and
 * refuses -a in the CLI's words), after the CLI's y/N question unless -f; then what went and the space
 * reclaimed.
 */
public final class VolumePruneCommand extends DeclaredCommand {
    /** Hidden from help as the CLI hides it before API 1.42, the lessons' engine's 1.41; still read. */
    private static final Flag<Boolean> ALL = Flag.bool('a', "all").hidden();
    private static final Flag<List<String>> FILTER = Flag.list("filter").shownAs("filter")
            .completes(ValueCompletion.words("label=", "label!=", "all="));
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");
    private static final ApiRequirement ALL_NEEDS = new ApiRequirement("--all", "1.42", true);
    private static final String ALL_VOLUMES = "WARNING! This will remove all local volumes not used by at least one container.";

    public VolumePruneCommand() {
        super(CommandSpec.command("volume prune", "docker volume prune [OPTIONS]")
                .flags(ALL, FILTER, FORCE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Map<String, List<String>> filters = new LinkedHashMap<>(Filters.parse(FILTER, in));
        String apiVersion = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET, "/version")).getAsJsonObject()
                .get("ApiVersion").getAsString();
        String warning = "WARNING! This will remove anonymous local volumes not used by at least one container.";
        if (ALL_NEEDS.check(apiVersion) != null) {
            // An engine before API 1.42 prunes named volumes too, and the CLI's question says so.
            if (in.get(ALL)) {
                throw new DockerError(1, ALL_NEEDS.check(apiVersion).getMessage());
            }
            warning = ALL_VOLUMES;
        } else if (in.get(ALL)) {
            if (filters.containsKey("all")) {
                throw new DockerError(1, "conflicting options: cannot specify both --all and --filter all=1");
            }
            filters.put("all", List.of("true"));
            warning = ALL_VOLUMES;
        }
        if (!in.get(FORCE) && !Prompts.confirm(ctx, warning)) {
            return;
        }
        String path = "/volumes/prune" + Filters.query(filters);
        JsonObject answer = ctx.untilDone(ctx.messages().get("interrupt.engine.pruning"),
                RawRequest.json(DockerHttpClient.Request.Method.POST, path)).getAsJsonObject();
        List<String> deleted = new ArrayList<>();
        JsonElement names = answer.get("VolumesDeleted");
        if (names != null && names.isJsonArray()) {
            names.getAsJsonArray().forEach(name -> deleted.add(name.getAsString()));
        }
        long reclaimed = deleted.isEmpty() || !answer.has("SpaceReclaimed") ? 0 : answer.get("SpaceReclaimed").getAsLong();
        ctx.console().out(Prompts.pruned("Deleted Volumes:", reclaimed, deleted));
    }
}
