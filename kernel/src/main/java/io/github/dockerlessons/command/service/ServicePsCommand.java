package io.github.dockerlessons.command.service;

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
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.swarm.TaskListing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker service ps SERVICE...}: the tasks of services, each slot's history under its newest task. */
public final class ServicePsCommand extends DeclaredCommand {
    private static final Flag<List<String>> FILTER = CommonFlags.filter("desired-state", "id", "name", "node");

    public ServicePsCommand() {
        super(CommandSpec.command("service ps", "docker service ps [OPTIONS] SERVICE [SERVICE...]")
                .flags(FILTER, TaskListing.FORMAT, TaskListing.NO_RESOLVE, TaskListing.NO_TRUNC,
                        TaskListing.QUIET)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> ids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : in.args()) {
            String id = Services.idOf(ctx, name);
            if (id == null) {
                missing.add("no such service: " + name);
            } else {
                ids.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new DockerError(1, String.join("\n", missing), null);
        }
        Map<String, List<String>> filters = Filters.parse(in.get(FILTER), in);
        filters.put("service", ids);
        TaskListing listing = new TaskListing(ctx, !in.get(TaskListing.NO_RESOLVE));
        List<JsonObject> tasks = listing.tasks(filters);
        // The CLI's service ps (not node ps) prints whole IDs with -q.
        boolean quiet = in.get(TaskListing.QUIET);
        listing.print(tasks, in.get(TaskListing.FORMAT), quiet, !in.get(TaskListing.NO_TRUNC) && !quiet);
    }
}
