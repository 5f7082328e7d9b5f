package io.github.dockerlessons.command.swarm;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Swarm API as the swarm, node, service, secret and config commands ask it: raw JSON through the
 * engine gateway (docker-java's transport), since the CLI prints fields docker-java's swarm model
 * drops (a node's TLS info, a service's UpdateStatus, a task's PortStatus). A refusal is the command's
 * failure in the daemon's words.
 */
public final class SwarmApi {
    private SwarmApi() {
    }

    public static JsonElement get(CommandContext ctx, String path) throws DockerError, InterruptedException {
        try {
            return ctx.read(RawRequest.json(DockerHttpClient.Request.Method.GET, path));
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
    }

    public static JsonElement post(CommandContext ctx, String path, JsonElement body)
            throws DockerError, InterruptedException {
        return send(ctx, body == null ? RawRequest.json(DockerHttpClient.Request.Method.POST, path)
                : RawRequest.json(DockerHttpClient.Request.Method.POST, path, body));
    }

    public static void delete(CommandContext ctx, String path) throws DockerError, InterruptedException {
        send(ctx, RawRequest.json(DockerHttpClient.Request.Method.DELETE, path));
    }

    /** A short request whose refusal ends the command in the daemon's words. */
    private static JsonElement send(CommandContext ctx, RawRequest<JsonElement> request)
            throws DockerError, InterruptedException {
        try {
            return ctx.answer(request);
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
    }

    /** An object of an answer, empty when the answer has none. */
    public static JsonObject object(JsonElement answer) {
        return answer != null && answer.isJsonObject() ? answer.getAsJsonObject() : new JsonObject();
    }

    /** A string field down a path of objects, "" when any step is missing. */
    public static String text(JsonObject object, String... path) {
        JsonElement at = object;
        for (String step : path) {
            if (at == null || !at.isJsonObject()) {
                return "";
            }
            at = at.getAsJsonObject().get(step);
        }
        return at == null || at.isJsonNull() || !at.isJsonPrimitive() ? "" : at.getAsString();
    }

    /** An object down a path, null when any step is missing. */
    public static JsonObject at(JsonObject object, String... path) {
        JsonElement at = object;
        for (String step : path) {
            if (at == null || !at.isJsonObject()) {
                return null;
            }
            at = at.getAsJsonObject().get(step);
        }
        return at != null && at.isJsonObject() ? at.getAsJsonObject() : null;
    }

    /** A path of the API with a name in it. */
    public static String path(String prefix, String name) {
        return prefix + Engine.encode(name);
    }

    /** The engine's /info "Swarm" part: NodeID, ControlAvailable, LocalNodeState. */
    public static JsonObject swarmInfo(CommandContext ctx) throws DockerError, InterruptedException {
        JsonObject swarm = at(object(get(ctx, "/info")), "Swarm");
        return swarm == null ? new JsonObject() : swarm;
    }

    /** The objects a listing answers ({@code /nodes}, {@code /tasks}...), with the filters as the API takes them. */
    public static List<JsonObject> list(CommandContext ctx, String path, Map<String, List<String>> filters)
            throws DockerError, InterruptedException {
        String query = filters.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + "filters="
                + Engine.encode(new Gson().toJson(filters));
        JsonElement answer = get(ctx, path + query);
        List<JsonObject> objects = new ArrayList<>();
        if (answer != null && answer.isJsonArray()) {
            answer.getAsJsonArray().forEach(o -> objects.add(o.getAsJsonObject()));
        }
        return objects;
    }

    /** A listing's template: the user's, or the default table (IDs alone with -q), as the CLI's formatters pick. */
    public static String template(String format, boolean quiet, String defaultTable) {
        return ListingFormat.template(format, quiet, "{{.ID}}", defaultTable);
    }
}
