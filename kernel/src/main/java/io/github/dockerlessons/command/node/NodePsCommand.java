package io.github.dockerlessons.command.node;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.swarm.TaskListing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker node ps [NODE...]}: the tasks on nodes (this engine's own node by default). */
public final class NodePsCommand extends DeclaredCommand {
    private static final Flag<List<String>> FILTER = CommonFlags.filter("desired-state", "id", "label", "name");

    public NodePsCommand() {
        super(CommandSpec.command("node ps", "docker node ps [OPTIONS] [NODE...]")
                .flags(FILTER, TaskListing.FORMAT, TaskListing.NO_RESOLVE, TaskListing.NO_TRUNC,
                        TaskListing.QUIET)
                .takes(Arity.atLeast(0), Arguments.each(NameKind.NODE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> names = in.args().isEmpty() ? List.of("self") : in.args();
        TaskListing listing = new TaskListing(ctx, !in.get(TaskListing.NO_RESOLVE));
        List<JsonObject> tasks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                String id = SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx,
                        SwarmApi.path("/nodes/", NodeUpdates.reference(ctx, name)))), "ID");
                Map<String, List<String>> filters = Filters.parse(in.get(FILTER), in);
                filters.computeIfAbsent("node", k -> new ArrayList<>()).add(id);
                tasks.addAll(listing.tasks(filters));
            } catch (DockerError e) {
                if (e.status() == 130) {
                    throw e;
                }
                errors.add(e.cliText());
            }
        }
        if (errors.isEmpty() || !tasks.isEmpty()) {
            listing.print(tasks, in.get(TaskListing.FORMAT), in.get(TaskListing.QUIET),
                    !in.get(TaskListing.NO_TRUNC));
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors), null);
        }
    }
}
