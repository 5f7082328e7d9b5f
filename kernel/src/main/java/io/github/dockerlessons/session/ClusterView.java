package io.github.dockerlessons.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.ClusterPicture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %cluster}: what a swarm manager knows of its nodes and of the tasks its services should be
 * running (desired state running), read as {@code node ls} and {@code service ps} read it, as one
 * picture ({@link ClusterPicture}) and the same facts as text. A live panel redraws it as tasks move.
 */
final class ClusterView {
    private ClusterView() {
    }

    /** The picture of the swarm the context's engine manages; the engine's refusal when it manages none. */
    static Bundle draw(CommandContext ctx, String caption) throws DockerError, InterruptedException {
        List<JsonObject> nodes = SwarmApi.list(ctx, "/nodes", Map.of());
        List<JsonObject> services = SwarmApi.list(ctx, "/services", Map.of());
        List<JsonObject> tasks = SwarmApi.list(ctx, "/tasks", Map.of("desired-state", List.of("running")));
        Map<String, String> serviceNames = new HashMap<>();
        Map<String, String> legend = new LinkedHashMap<>();
        services.sort(Comparator.comparing(s -> SwarmApi.text(s, "Spec", "Name"), NaturalOrder.INSTANCE));
        for (JsonObject service : services) {
            serviceNames.put(SwarmApi.text(service, "ID"), SwarmApi.text(service, "Spec", "Name"));
        }
        Map<String, List<ClusterPicture.Task>> byNode = new HashMap<>();
        Map<String, Integer> running = new HashMap<>();
        for (JsonObject task : tasks) {
            String service = serviceNames.getOrDefault(SwarmApi.text(task, "ServiceID"), SwarmApi.text(task, "ServiceID"));
            String slot = SwarmApi.text(task, "Slot");
            String state = SwarmApi.text(task, "Status", "State");
            String name = slot.isEmpty() || slot.equals("0") ? service : service + "." + slot;
            byNode.computeIfAbsent(SwarmApi.text(task, "NodeID"), n -> new ArrayList<>())
                    .add(new ClusterPicture.Task(name, service, state));
            if (state.equals("running")) {
                running.merge(service, 1, Integer::sum);
            }
        }
        for (JsonObject service : services) {
            String name = SwarmApi.text(service, "Spec", "Name");
            String replicas = SwarmApi.text(service, "Spec", "Mode", "Replicated", "Replicas");
            legend.put(name, name + " · " + image(service) + " · " + running.getOrDefault(name, 0) + "/"
                    + (replicas.isEmpty() ? "global" : replicas));
        }
        List<ClusterPicture.Node> drawn = new ArrayList<>();
        nodes.sort(Comparator.comparing(n -> SwarmApi.text(n, "Description", "Hostname"), NaturalOrder.INSTANCE));
        for (JsonObject node : nodes) {
            List<ClusterPicture.Task> on = byNode.getOrDefault(SwarmApi.text(node, "ID"), new ArrayList<>());
            on.sort(Comparator.comparing(ClusterPicture.Task::name, NaturalOrder.INSTANCE));
            JsonElement leader = SwarmApi.at(node, "ManagerStatus") == null ? null
                    : SwarmApi.at(node, "ManagerStatus").get("Leader");
            drawn.add(new ClusterPicture.Node(SwarmApi.text(node, "Description", "Hostname"),
                    SwarmApi.text(node, "Status", "State"), SwarmApi.text(node, "Spec", "Availability"),
                    SwarmApi.text(node, "Spec", "Role"), leader != null && leader.isJsonPrimitive() && leader.getAsBoolean(),
                    on));
        }
        return Bundle.text(ClusterPicture.plainText(drawn, caption, legend)).with("image/svg+xml", ClusterPicture.svg(drawn, caption, legend));
    }

    /** The service's image as the CLI's service ls shows it: without the digest that pins it. */
    private static String image(JsonObject service) {
        String image = SwarmApi.text(service, "Spec", "TaskTemplate", "ContainerSpec", "Image");
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }
}
