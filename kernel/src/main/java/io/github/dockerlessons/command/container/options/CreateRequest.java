package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.List;
import java.util.Map;

/**
 * The body of the engine's container create request, as the docker CLI sends it: the container's
 * Config, its HostConfig and its NetworkingConfig. Each group of flags writes its own fields; the
 * JSON is the API's own, so every field the engine serves can be set, as typed.
 */
public final class CreateRequest {
    private final JsonObject config = new JsonObject();
    private final JsonObject host = new JsonObject();
    private final JsonObject endpoints = new JsonObject();

    public JsonObject config() {
        return config;
    }

    public JsonObject host() {
        return host;
    }

    /** NetworkingConfig.EndpointsConfig, by network name. */
    public JsonObject endpoints() {
        return endpoints;
    }

    public JsonObject body() {
        JsonObject body = config.deepCopy();
        body.add("HostConfig", host.deepCopy());
        JsonObject networking = new JsonObject();
        networking.add("EndpointsConfig", endpoints.deepCopy());
        body.add("NetworkingConfig", networking);
        return body;
    }

    public static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    public static JsonObject stringMap(Map<String, String> values) {
        JsonObject object = new JsonObject();
        values.forEach(object::addProperty);
        return object;
    }

    /** A set of keys as the API writes one: each key mapped to an empty object. */
    public static JsonObject keySet(Iterable<String> keys) {
        JsonObject object = new JsonObject();
        keys.forEach(key -> object.add(key, new JsonObject()));
        return object;
    }

    /** Sets {@code name} unless the value is empty (Go's omitempty). */
    static void putIfPresent(JsonObject object, String name, String value) {
        if (value != null && !value.isEmpty()) {
            object.addProperty(name, value);
        }
    }

    static JsonElement number(long value) {
        return new JsonPrimitive(value);
    }
}
