package io.github.dockerlessons.command.service;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.engine.Engine;

import java.util.List;
import java.util.Map;

/** Finding a service the way {@code service ps} does: by full ID, name, or ID prefix. */
final class Services {
    private Services() {
    }

    /** The service's ID, or null when no service answers to {@code name}. */
    static String idOf(CommandContext ctx, String name) throws DockerError, InterruptedException {
        for (String key : new String[] {"id", "name"}) {
            JsonElement answer = SwarmApi.get(ctx, "/services?filters="
                    + Engine.encode(new Gson().toJson(Map.of(key, List.of(name)))));
            if (answer != null && answer.isJsonArray()) {
                for (JsonElement service : answer.getAsJsonArray()) {
                    JsonObject s = service.getAsJsonObject();
                    if (SwarmApi.text(s, "ID").equals(name) || SwarmApi.text(s, "Spec", "Name").equals(name)) {
                        return SwarmApi.text(s, "ID");
                    }
                }
                if (key.equals("id") && answer.getAsJsonArray().size() == 1) {
                    return SwarmApi.text(answer.getAsJsonArray().get(0).getAsJsonObject(), "ID");
                }
            }
        }
        return null;
    }

    /** The engine's inspect answer for a service by ID or name (its Version is what an update must send back). */
    static JsonObject inspect(CommandContext ctx, String name) throws DockerError, InterruptedException {
        return SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/services/", name)));
    }

    /** The service's spec to change and send back; an empty one when the answer has none. */
    static JsonObject specOf(JsonObject service) {
        JsonObject spec = SwarmApi.at(service, "Spec");
        return spec == null ? new JsonObject() : spec;
    }

    /** Writes a service's changed spec back at the version read; the engine's warnings go to stderr. */
    static void update(CommandContext ctx, JsonObject service, JsonObject spec) throws DockerError, InterruptedException {
        update(ctx, service, spec, "");
    }

    static void update(CommandContext ctx, JsonObject service, JsonObject spec, String query)
            throws DockerError, InterruptedException {
        JsonObject answer = SwarmApi.object(SwarmApi.post(ctx, SwarmApi.path("/services/", SwarmApi.text(service, "ID"))
                + "/update?version=" + SwarmApi.text(service, "Version", "Index") + query, spec));
        JsonElement warnings = answer.get("Warnings");
        if (warnings != null && warnings.isJsonArray()) {
            warnings.getAsJsonArray().forEach(w -> ctx.console().err(w.getAsString() + "\n"));
        }
    }
}
