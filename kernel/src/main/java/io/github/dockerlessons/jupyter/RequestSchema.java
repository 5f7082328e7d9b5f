package io.github.dockerlessons.jupyter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.dockerlessons.jupyter.BadRequest.Kind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fields of the requests the kernel answers, as the messaging specification gives them, checked
 * before the library's classes read them. The library reads leniently where it reads at all (a list
 * for {@code code} or {@code 10^12} for {@code cursor_pos} threw, and the request went unanswered;
 * {@code "yes"} for {@code silent} read as false), so every field is checked here for its JSON kind,
 * and a wrong one is answered with an error naming the field.
 *
 * <p>As ipykernel reads them: an optional field that is absent or null takes the specification's
 * default ({@code store_history} follows {@code silent}, {@code stop_on_error} is true); a whole
 * number beyond an int (a cursor at 10^12) is clamped, and the kernel clamps cursors to the code, as
 * Python's slicing does; fields the kernel does not use are not looked at.
 */
final class RequestSchema {
    private record Field(String name, Kind kind, boolean required, JsonElement fallback, List<String> choices) {
    }

    private static Field required(String name, Kind kind) {
        return new Field(name, kind, true, null, List.of());
    }

    private static Field optional(String name, Kind kind, JsonElement fallback) {
        return new Field(name, kind, false, fallback, List.of());
    }

    private static final JsonPrimitive FALSE = new JsonPrimitive(false);
    private static final JsonPrimitive TRUE = new JsonPrimitive(true);
    private static final JsonPrimitive ZERO = new JsonPrimitive(0);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    private static final List<Field> COMM = List.of(required("comm_id", Kind.STRING),
            optional("data", Kind.OBJECT, new JsonObject()));

    private static final Map<String, List<Field>> FIELDS = Map.ofEntries(
            Map.entry("execute_request", List.of(required("code", Kind.STRING),
                    optional("silent", Kind.BOOLEAN, FALSE),
                    optional("store_history", Kind.BOOLEAN, null),
                    optional("user_expressions", Kind.OBJECT, new JsonObject()),
                    optional("allow_stdin", Kind.BOOLEAN, FALSE),
                    optional("stop_on_error", Kind.BOOLEAN, TRUE))),
            Map.entry("complete_request", List.of(required("code", Kind.STRING), required("cursor_pos", Kind.INTEGER))),
            Map.entry("inspect_request", List.of(required("code", Kind.STRING), required("cursor_pos", Kind.INTEGER),
                    optional("detail_level", Kind.INTEGER, ZERO))),
            Map.entry("is_complete_request", List.of(required("code", Kind.STRING))),
            Map.entry("history_request", List.of(
                    new Field("hist_access_type", Kind.STRING, true, null, List.of("range", "tail", "search")),
                    optional("output", Kind.BOOLEAN, FALSE), optional("raw", Kind.BOOLEAN, FALSE),
                    optional("session", Kind.INTEGER, ZERO), optional("start", Kind.INTEGER, ZERO),
                    optional("stop", Kind.INTEGER, ZERO), optional("n", Kind.INTEGER, ZERO),
                    optional("pattern", Kind.STRING, new JsonPrimitive("*")),
                    optional("unique", Kind.BOOLEAN, FALSE))),
            Map.entry("kernel_info_request", List.of()),
            Map.entry("comm_info_request", List.of(optional("target_name", Kind.STRING, null))),
            Map.entry("shutdown_request", List.of(optional("restart", Kind.BOOLEAN, FALSE))),
            Map.entry("interrupt_request", List.of()),
            Map.entry("comm_open", List.of(required("comm_id", Kind.STRING), required("target_name", Kind.STRING),
                    optional("data", Kind.OBJECT, new JsonObject()))),
            Map.entry("comm_msg", COMM),
            Map.entry("comm_close", COMM),
            Map.entry("input_reply", List.of(required("value", Kind.STRING))));

    private RequestSchema() {
    }

    /**
     * Checks a content against its type's fields, filling in defaults and clamping whole numbers in
     * place; the problem with the first wrong field, or null when there is none (and for a type the
     * kernel does not check).
     */
    static BadRequest check(String msgType, JsonObject content) {
        List<Field> fields = FIELDS.get(msgType);
        if (fields == null) {
            return null;
        }
        for (Field field : fields) {
            JsonElement value = content.get(field.name());
            if (value == null || value.isJsonNull()) {
                if (field.required()) {
                    return value == null ? BadRequest.missing(msgType, field.name(), field.kind())
                            : BadRequest.wrongType(msgType, field.name(), field.kind(), Kind.NULL);
                }
                JsonElement fallback = fallback(msgType, field, content);
                if (fallback == null) {
                    content.remove(field.name());
                } else {
                    content.add(field.name(), fallback.deepCopy());
                }
                continue;
            }
            Kind found = kindOf(value);
            if (field.kind() == Kind.INTEGER && found == Kind.INTEGER) {
                content.add(field.name(), new JsonPrimitive(clampedInt(value.getAsBigDecimal())));
                continue;
            }
            if (found != field.kind()) {
                return BadRequest.wrongType(msgType, field.name(), field.kind(), found);
            }
            if (!field.choices().isEmpty() && !field.choices().contains(value.getAsString())) {
                return BadRequest.notOneOf(msgType, field.name(), shortJson(value), field.choices());
            }
        }
        if (msgType.equals("execute_request")) {
            return stringValues(msgType, "user_expressions", content.getAsJsonObject("user_expressions"));
        }
        return null;
    }

    /** user_expressions maps names to expressions: strings. */
    private static BadRequest stringValues(String msgType, String field, JsonObject object) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            Kind found = kindOf(entry.getValue());
            if (found != Kind.STRING) {
                return BadRequest.wrongType(msgType, field + "." + entry.getKey(), Kind.STRING, found);
            }
        }
        return null;
    }

    private static JsonElement fallback(String msgType, Field field, JsonObject content) {
        if (msgType.equals("execute_request") && field.name().equals("store_history")) {
            // the specification's default: a silent request is not stored
            JsonElement silent = content.get("silent");
            return new JsonPrimitive(!(silent != null && silent.isJsonPrimitive() && silent.getAsJsonPrimitive().isBoolean()
                    && silent.getAsBoolean()));
        }
        return field.fallback();
    }

    static Kind kindOf(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return Kind.NULL;
        }
        if (value.isJsonObject()) {
            return Kind.OBJECT;
        }
        if (value.isJsonArray()) {
            return Kind.LIST;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (primitive.isString()) {
            return Kind.STRING;
        }
        BigDecimal number = primitive.getAsBigDecimal();
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0 ? Kind.INTEGER : Kind.NUMBER;
    }

    private static int clampedInt(BigDecimal value) {
        if (value.compareTo(INT_MAX) > 0) {
            return Integer.MAX_VALUE;
        }
        if (value.compareTo(INT_MIN) < 0) {
            return Integer.MIN_VALUE;
        }
        return value.intValue();
    }

    /** A value for a message: its JSON, cut short. */
    private static String shortJson(JsonElement value) {
        String json = value.toString();
        return json.length() > 40 ? json.substring(0, 40) + "…" : json;
    }
}
