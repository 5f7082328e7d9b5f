package io.github.dockerlessons.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading a listing's JSON as the Go client does: a missing or null field is the type's zero value
 * (here null for the getters, as docker-java's model had it, so that renderers keep their defaults),
 * and a field of the wrong type (a string for a number, a fraction for an integer, a number past
 * int64, a number for a string) is an answer the kernel cannot read, as Go's decoder refuses it.
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
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException
                 | ArithmeticException e) {
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
            // a null element (Go would list a container with no field set) is no container to act on
            objects.add(element.getAsJsonObject());
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
        return field(object, name, Answers::string);
    }

    /** A field an element of the listing cannot lack (its ID: every command that acts on it needs one). */
    static JsonObject withId(JsonObject object) {
        if (field(object, "Id") == null) {
            throw new IllegalStateException("an element without an Id");
        }
        return object;
    }

    /** An integer in Go's int64: a fraction, a string or a number past it is not one. */
    static Long number(JsonObject object, String name) {
        return field(object, name, value -> exact(value).longValueExact());
    }

    static Integer integer(JsonObject object, String name) {
        return field(object, name, value -> exact(value).intValueExact());
    }

    /** A port, Go's uint16. */
    static Integer port(JsonObject object, String name) {
        Integer port = integer(object, name);
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalStateException("not a port: " + port);
        }
        return port;
    }

    private static String string(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalStateException("not a string: " + value);
        }
        return value.getAsString();
    }

    private static BigDecimal exact(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new IllegalStateException("not a number: " + value);
        }
        return value.getAsBigDecimal();
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
            texts[i] = array.get(i).isJsonNull() ? "" : string(array.get(i));
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
            labels.put(entry.getKey(), entry.getValue().isJsonNull() ? "" : string(entry.getValue()));
        }
        return Collections.unmodifiableMap(labels);
    }
}
