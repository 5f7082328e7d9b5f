package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;

/** The CLI's printJoinCommand: how a worker or a manager joins, with this manager's address. */
final class JoinCommandText {
    private JoinCommandText() {
    }

    static String of(CommandContext ctx, String nodeId, boolean worker, boolean manager)
            throws DockerError, InterruptedException {
        JsonObject node = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/nodes/", nodeId)));
        JsonObject swarm = SwarmApi.object(SwarmApi.get(ctx, "/swarm"));
        if (SwarmApi.at(node, "ManagerStatus") == null) {
            return "";
        }
        String addr = SwarmApi.text(node, "ManagerStatus", "Addr");
        StringBuilder text = new StringBuilder();
        if (worker) {
            text.append("To add a worker to this swarm, run the following command:\n\n    docker swarm join --token ")
                    .append(SwarmApi.text(swarm, "JoinTokens", "Worker")).append(' ').append(addr).append("\n\n");
        }
        if (manager) {
            text.append("To add a manager to this swarm, run the following command:\n\n    docker swarm join --token ")
                    .append(SwarmApi.text(swarm, "JoinTokens", "Manager")).append(' ').append(addr).append("\n\n");
        }
        return text.toString();
    }
}
