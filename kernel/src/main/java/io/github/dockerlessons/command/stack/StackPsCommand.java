package io.github.dockerlessons.command.stack;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.TaskListing;

import java.util.List;
import java.util.Map;

/** {@code docker stack ps STACK}: the tasks of the stack's services, as {@code service ps} prints them. */
public final class StackPsCommand extends DeclaredCommand {
    private static final Flag<List<String>> FILTER = CommonFlags.filter("desired-state", "id", "label", "name", "node",
            "service");

    public StackPsCommand() {
        super(CommandSpec.command("stack ps", "docker stack ps [OPTIONS] STACK")
                .flags(FILTER, TaskListing.FORMAT, TaskListing.NO_RESOLVE, TaskListing.NO_TRUNC, TaskListing.QUIET)
                .takes(Arity.exactly(1), Arguments.each(NameKind.STACK)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String stack = in.arg(0);
        Stacks.checkName(stack);
        Map<String, List<String>> filters = Stacks.filters(stack, Filters.parse(in.get(FILTER), in));
        TaskListing listing = new TaskListing(ctx, !in.get(TaskListing.NO_RESOLVE));
        List<JsonObject> tasks = listing.tasks(filters);
        if (tasks.isEmpty()) {
            throw new DockerError(1, "nothing found in stack: " + stack, null);
        }
        // unlike service ps, the CLI's stack ps truncates the IDs of -q too
        listing.print(tasks, in.get(TaskListing.FORMAT), in.get(TaskListing.QUIET), !in.get(TaskListing.NO_TRUNC));
    }
}
