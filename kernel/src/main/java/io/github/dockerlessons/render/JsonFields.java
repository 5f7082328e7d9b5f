package io.github.dockerlessons.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fields of the engine's JSON answers as the CLI's formatters print them. */
final class JsonFields {
    private JsonFields() {
    }

    /** A string field, "" when absent or null. */
    static String text(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    /** A boolean field as Go's %v prints it. */
    static String bool(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return Boolean.toString(value != null && !value.isJsonNull() && value.getAsBoolean());
    }

    /** The object at {@code path} below {@code object} ("Spec", "Mode"), or null where a step is missing or no object. */
    static JsonObject object(JsonObject object, String... path) {
        JsonObject at = object;
        for (String step : path) {
            if (at == null || !at.has(step) || !at.get(step).isJsonObject()) {
                return null;
            }
            at = at.getAsJsonObject(step);
        }
        return at;
    }

    static Map<String, String> labels(JsonElement labels) {
        Map<String, String> result = new LinkedHashMap<>();
        if (labels != null && labels.isJsonObject()) {
            labels.getAsJsonObject().entrySet().forEach(e -> result.put(e.getKey(),
                    e.getValue().isJsonNull() ? "" : e.getValue().getAsString()));
        }
        return result;
    }

    /**
     * Labels as k=v joined by commas (the formatters' Labels()). The CLI walks a Go map, in an order
     * that changes from run to run; sorted by key here, one of the orders it prints.
     */
    static String joined(Map<String, String> labels) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }
}
