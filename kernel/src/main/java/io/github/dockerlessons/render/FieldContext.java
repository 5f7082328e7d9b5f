package io.github.dockerlessons.render;

import io.github.dockerlessons.render.template.TemplateException;
import io.github.dockerlessons.render.template.TemplateObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A row of a listing as docker's formatter contexts present it to templates: named fields whose
 * values are the same strings the default table shows, {@code .Label "k"} for one label, and the
 * header name of each field for {@code table} formats.
 */
public final class FieldContext implements TemplateObject {
    private final Map<String, Supplier<String>> fields = new LinkedHashMap<>();
    private final Map<String, String> headers;
    private final Map<String, String> labels;

    public FieldContext(Map<String, String> headers, Map<String, String> labels) {
        this.headers = headers;
        this.labels = labels == null ? Map.of() : labels;
    }

    public FieldContext put(String name, Supplier<String> value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public Object field(String name) {
        Supplier<String> value = fields.get(name);
        return value == null ? NO_FIELD : value.get();
    }

    @Override
    public Object call(String method, List<Object> args) throws TemplateException {
        if (method.equals("Label") && args.size() == 1) {
            return labels.getOrDefault(String.valueOf(args.get(0)), "");
        }
        throw new TemplateException("template: :1: can't call method/function \"" + method + "\"");
    }

    /** {@code {{json .}}}: every field, keys in Go's (sorted) map order. */
    @Override
    public Object toJsonValue() {
        Map<String, Object> json = new TreeMap<>();
        fields.forEach((name, value) -> json.put(name, value.get()));
        return json;
    }

    /** The row that names the columns: each field answers with its header. */
    public TemplateObject header() {
        return new TemplateObject() {
            @Override
            public Object field(String name) {
                return fields.containsKey(name) ? headers.getOrDefault(name, name.toUpperCase()) : NO_FIELD;
            }

            @Override
            public Object call(String method, List<Object> args) {
                return method.toUpperCase();
            }

            @Override
            public Object toJsonValue() {
                return Map.of();
            }
        };
    }
}
