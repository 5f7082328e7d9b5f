package io.github.dockerlessons.command.stack;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code docker stack rm STACK...}: the stack's services (by name), secrets, configs and networks
 * removed, each named as it goes; a stack with none of them is "Nothing found in stack".
 */
public final class StackRmCommand extends DeclaredCommand {
    /** The task states after running, as docker/cli's terminalState counts them: the task will not run again. */
    private static final Set<String> ENDED = Set.of("complete", "shutdown", "failed", "rejected", "orphaned", "remove");
    /** How often --detach=false asks again; the stop button ends the wait (the sleep is interrupted). */
    private static final long TASK_POLL_MS = 500;
    private static final Flag<Boolean> DETACH = Flag.of('d', "detach", FlagType.BOOL, true);

    public StackRmCommand() {
        super(CommandSpec.command("stack rm", "docker stack rm [OPTIONS] STACK [STACK...]")
                .aliases("docker stack rm", "docker stack remove", "docker stack down")
                .flags(DETACH)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.STACK)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        for (String stack : in.args()) {
            Stacks.checkName(stack);
        }
        List<String> errors = new ArrayList<>();
        for (String stack : in.args()) {
            List<JsonObject> services = Stacks.of(ctx, "/services", stack);
            List<JsonObject> networks = Stacks.of(ctx, "/networks", stack);
            List<JsonObject> secrets = Stacks.of(ctx, "/secrets", stack);
            List<JsonObject> configs = Stacks.of(ctx, "/configs", stack);
            if (services.size() + networks.size() + secrets.size() + configs.size() == 0) {
                ctx.console().err("Nothing found in stack: " + stack + "\n");
                continue;
            }
            boolean failed = removeServices(ctx, services);
            failed |= remove(ctx, secrets, "secret", "/secrets/");
            failed |= remove(ctx, configs, "config", "/configs/");
            failed |= remove(ctx, networks, "network", "/networks/");
            if (failed) {
                errors.add("failed to remove some resources from stack: " + stack);
            } else if (!in.get(DETACH)) {
                waitForTasks(ctx, stack);
            }
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors), null);
        }
    }

    /** Removes the services by name order, as the CLI does; whether one failed. */
    static boolean removeServices(CommandContext ctx, List<JsonObject> services) throws DockerError, InterruptedException {
        List<JsonObject> sorted = new ArrayList<>(services);
        sorted.sort(Comparator.comparing(Stacks::name));
        return remove(ctx, sorted, "service", "/services/");
    }

    private static boolean remove(CommandContext ctx, List<JsonObject> objects, String kind, String path)
            throws DockerError, InterruptedException {
        boolean failed = false;
        for (JsonObject object : objects) {
            String id = SwarmApi.text(object, "ID").isEmpty() ? SwarmApi.text(object, "Id") : SwarmApi.text(object, "ID");
            ctx.console().out("Removing " + kind + " " + Stacks.name(object) + "\n");
            try {
                SwarmApi.delete(ctx, SwarmApi.path(path, id));
            } catch (DockerError e) {
                if (e.status() == 130) {
                    throw e;
                }
                failed = true;
                // the CLI's words, without a line end of their own
                ctx.console().err("Failed to remove " + kind + " " + id + ": " + e.cliText());
            }
        }
        return failed;
    }

    /** --detach=false: until every task of the stack has ended. */
    private static void waitForTasks(CommandContext ctx, String stack) throws DockerError, InterruptedException {
        while (true) {
            List<JsonObject> tasks = Stacks.of(ctx, "/tasks", stack);
            if (tasks.stream().allMatch(t -> ENDED.contains(SwarmApi.text(t, "Status", "State")))) {
                return;
            }
            Thread.sleep(TASK_POLL_MS);
        }
    }
}
