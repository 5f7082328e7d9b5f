package io.github.dockerlessons.command.node;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.List;

/**
 * The CLI's updateNodes, shared by node update, promote and demote: each node's spec read, changed
 * and written back at the version read; a change that is not needed is said and skipped.
 */
final class NodeUpdates {
    /** Changes a node's spec; false when there is nothing to change (it said why). */
    @FunctionalInterface
    interface Change {
        boolean apply(JsonObject node, JsonObject spec) throws DockerError;
    }

    /** What to print for a node that was updated, as the user named it. */
    @FunctionalInterface
    interface Done {
        String line(String name);
    }

    private NodeUpdates() {
    }

    static void update(CommandContext ctx, List<String> names, Change change, Done done)
            throws DockerError, InterruptedException {
        for (String name : names) {
            JsonObject node = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/nodes/", name)));
            JsonObject spec = SwarmApi.at(node, "Spec");
            if (spec == null) {
                spec = new JsonObject();
            }
            if (!change.apply(node, spec)) {
                continue;
            }
            SwarmApi.post(ctx, SwarmApi.path("/nodes/", SwarmApi.text(node, "ID")) + "/update?version="
                    + SwarmApi.text(node, "Version", "Index"), spec);
            ctx.console().out(done.line(name) + "\n");
        }
    }

    /** The CLI's node Reference: "self" is this engine's own node. */
    static String reference(CommandContext ctx, String name) throws DockerError, InterruptedException {
        return name.equals("self") ? SwarmApi.text(SwarmApi.swarmInfo(ctx), "NodeID") : name;
    }

    /**
     * promote and demote: each node given {@code role}; one that has it already is said to be "already
     * a {@code role}" by ID, as the CLI says it.
     */
    static void changeRole(CommandContext ctx, List<String> names, String role, Done done)
            throws DockerError, InterruptedException {
        update(ctx, names, (node, spec) -> {
            if (SwarmApi.text(spec, "Role").equals(role)) {
                ctx.console().out("Node " + SwarmApi.text(node, "ID") + " is already a " + role + ".\n");
                return false;
            }
            spec.addProperty("Role", role);
            return true;
        }, done);
    }
}
