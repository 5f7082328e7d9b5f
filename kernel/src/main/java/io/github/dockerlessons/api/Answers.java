package io.github.dockerlessons.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading a listing's JSON as the Go client does: a missing or null field is the type's zero value
 * (here null for the getters, as docker-java's model had it, so that renderers keep their defaults),
 * and a field of the wrong type is an answer the kernel cannot read.
 */
final class Answers {
    private Answers() {
    }

    /**
     * A listing's elements read by {@code reader}. A field of another type than the API's is an answer
     * of the wrong shape (a JsonParseException, which the gateway reports as such), not a Java error.
     */
    static <T> List<T> read(JsonElement answer, Function<JsonObject, T> reader) {
        try {
            List<JsonObject> objects = objects(answer);
            List<T> read = new ArrayList<>(objects.size());
            for (JsonObject object : objects) {
                read.add(reader.apply(object));
            }
            return read;
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new JsonParseException("not the API's listing: " + e.getMessage(), e);
        }
    }

    /** The elements of a listing; an answer that is not an array is not a listing. */
    static List<JsonObject> objects(JsonElement answer) {
        if (answer == null || answer.isJsonNull()) {
            return List.of(); // Go decodes null into an empty slice
        }
        JsonArray array = answer.getAsJsonArray();
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (JsonElement element : array) {
            // Go decodes a null element into the zero value: a summary with no field set
            objects.add(element.isJsonNull() ? new JsonObject() : element.getAsJsonObject());
        }
        return objects;
    }

    static JsonElement field(JsonObject object, String name) {
        JsonElement value = object == null ? null : object.get(name);
        return value == null || value.isJsonNull() ? null : value;
    }

    /** A field read as {@code type} says; null when absent or null. */
    static <T> T field(JsonObject object, String name, Function<JsonElement, T> type) {
        JsonElement value = field(object, name);
        return value == null ? null : type.apply(value);
    }

    static String text(JsonObject object, String name) {
        return field(object, name, JsonElement::getAsString);
    }

    static Long number(JsonObject object, String name) {
        return field(object, name, JsonElement::getAsLong);
    }

    static Integer integer(JsonObject object, String name) {
        return field(object, name, JsonElement::getAsInt);
    }

    static JsonObject object(JsonObject object, String name) {
        return field(object, name, JsonElement::getAsJsonObject);
    }

    static String[] texts(JsonObject object, String name) {
        JsonElement value = field(object, name);
        if (value == null) {
            return null;
        }
        JsonArray array = value.getAsJsonArray();
        String[] texts = new String[array.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = array.get(i).isJsonNull() ? "" : array.get(i).getAsString();
        }
        return texts;
    }

    /** A map of strings in the answer's order; null when absent. */
    static Map<String, String> labels(JsonObject object, String name) {
        JsonObject value = object(object, name);
        if (value == null) {
            return null;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : value.entrySet()) {
            labels.put(entry.getKey(), entry.getValue().isJsonNull() ? "" : entry.getValue().getAsString());
        }
        return Collections.unmodifiableMap(labels);
    }
}
