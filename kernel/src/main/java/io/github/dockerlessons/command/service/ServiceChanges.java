package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.golang.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list changes of {@code docker service update} (the CLI's updateLabels, updateMounts,
 * updateNetworks, getUpdatedSecrets and getUpdatedConfigs): what -rm names is taken out, what -add
 * gives is put in, in the order and with the refusals of the CLI.
 */
final class ServiceChanges {
    private ServiceChanges() {
    }

    /** --label-add K=V sets, then --label-rm K removes. */
    static void labels(JsonObject labels, List<String> add, List<String> remove) {
        for (Map.Entry<String, String> label : Units.labels(add).entrySet()) {
            labels.addProperty(label.getKey(), label.getValue());
        }
        remove.forEach(labels::remove);
    }

    /** --mount-add replaces a mount of the same target; --mount-rm TARGET removes; sorted by source, then target. */
    static void mounts(JsonObject container, List<String> add, List<String> remove) throws DockerError {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        Map<String, JsonObject> byTarget = new LinkedHashMap<>();
        for (String value : add) {
            JsonObject mount = ServiceSpecs.mount(value);
            if (byTarget.put(SwarmApi.text(mount, "Target"), mount) != null) {
                throw new DockerError(1, "duplicate mount target", null);
            }
        }
        JsonArray existing = ServiceSpecs.array(container, "Mounts");
        for (JsonElement mount : existing) {
            byTarget.putIfAbsent(SwarmApi.text(mount.getAsJsonObject(), "Target"), mount.getAsJsonObject());
        }
        Set<String> gone = new HashSet<>(remove);
        List<JsonObject> mounts = new ArrayList<>(byTarget.values().stream()
                .filter(m -> !gone.contains(SwarmApi.text(m, "Target"))).toList());
        mounts.sort(Comparator.comparing((JsonObject m) -> SwarmApi.text(m, "Source"))
                .thenComparing(m -> SwarmApi.text(m, "Target")));
        JsonArray array = new JsonArray();
        mounts.forEach(array::add);
        container.add("Mounts", array);
    }

    /** --network-rm by name or ID, --network-add by name (refused when attached already); sorted by network ID. */
    static void networks(CommandContext ctx, JsonObject task, List<String> add, List<String> remove)
            throws DockerError, InterruptedException {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        Set<String> gone = new HashSet<>();
        for (String network : remove) {
            gone.add(networkId(ctx, network));
        }
        List<JsonObject> networks = new ArrayList<>();
        Set<String> attached = new HashSet<>();
        for (JsonElement network : ServiceSpecs.array(task, "Networks")) {
            String target = SwarmApi.text(network.getAsJsonObject(), "Target");
            if (!gone.contains(target)) {
                networks.add(network.getAsJsonObject());
                attached.add(target);
            }
        }
        for (String network : add) {
            String id = networkId(ctx, network);
            if (!attached.add(id)) {
                throw new DockerError(1, "service is already attached to network " + network, null);
            }
            JsonObject attachment = new JsonObject();
            attachment.addProperty("Target", id);
            networks.add(attachment);
        }
        networks.sort(Comparator.comparing(n -> SwarmApi.text(n, "Target")));
        JsonArray array = new JsonArray();
        networks.forEach(array::add);
        task.add("Networks", array);
    }

    private static String networkId(CommandContext ctx, String network) throws DockerError, InterruptedException {
        return SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/networks/", network) + "?scope=swarm")),
                "Id");
    }

    /** --secret-rm NAME / --config-rm NAME take out, then --secret-add / --config-add put in. */
    static void references(CommandContext ctx, JsonObject container, FileReferences kind, String field, List<String> add,
                           List<String> remove, String flag) throws DockerError, InterruptedException {
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        Set<String> gone = new HashSet<>(remove);
        JsonArray kept = new JsonArray();
        for (JsonElement reference : ServiceSpecs.array(container, field)) {
            if (!gone.contains(kind.nameOf(reference.getAsJsonObject()))) {
                kept.add(reference);
            }
        }
        kept.addAll(kind.resolve(ctx, add, flag));
        container.add(field, kept);
    }
}
