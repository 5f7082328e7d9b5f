package io.github.dockerlessons.render;

import io.github.dockerlessons.render.template.GoFunction;
import io.github.dockerlessons.render.template.GoJson;
import io.github.dockerlessons.render.template.GoMap;
import io.github.dockerlessons.render.template.GoType;
import io.github.dockerlessons.render.template.TemplateObject;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A row of a listing as docker's formatter contexts present it to templates: a pointer to a struct
 * ({@code *formatter.ContainerContext}) whose methods return the cells ({@code .Names}),
 * {@code .Label "k"} for one label, {@code {{json .}}} with every method's value, and the header
 * context ({@code formatter.SubHeaderContext}, a map of field to column name with a Label method)
 * that a {@code table} format's header row runs over.
 */
public final class FieldContext implements TemplateObject {
    private final GoType type;
    private final Map<String, String> headers;
    private final Map<String, String> labels;
    private final Map<String, Supplier<Object>> methods = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    /**
     * A context of Go type {@code goType}; {@code labels} null when the type has no Label method.
     */
    public FieldContext(String goType, Map<String, String> headers, Map<String, String> labels) {
        this.type = GoType.pointer(goType.startsWith("*") ? goType.substring(1) : goType);
        this.headers = Map.copyOf(headers);
        this.labels = labels;
    }

    /** The stats formatter's context ({@code *container.statsContext}), whose rows have no labels. */
    public FieldContext(Map<String, String> headers, Map<String, String> labels) {
        this("container.statsContext", headers, labels);
    }

    /** A method without arguments returning a string. */
    public FieldContext put(String name, Supplier<String> value) {
        methods.put(name, value::get);
        return this;
    }

    /** A method without arguments returning any template value (a typed nil, a number). */
    public FieldContext putValue(String name, Supplier<Object> value) {
        methods.put(name, value);
        return this;
    }

    @Override
    public GoType type() {
        return type;
    }

    @Override
    public GoFunction method(String name) {
        if (name.equals("Label") && labels != null) {
            return GoFunction.of("Label", args -> labels.getOrDefault((String) args.get(0), ""), GoType.STRING);
        }
        Supplier<Object> value = methods.get(name);
        if (value == null) {
            return null;
        }
        return GoFunction.of(name, args -> call(name, value));
    }

    private Object call(String name, Supplier<Object> value) {
        used.add(name);
        return value.get();
    }

    /** The methods a template called so far (docker asks the engine for sizes when .Size is used). */
    public Set<String> used() {
        return Set.copyOf(used);
    }

    /** docker's MarshalJSON: every method without arguments, keys sorted, HTML characters escaped. */
    @Override
    public String marshalJson() {
        Map<String, Object> values = new TreeMap<>();
        methods.forEach((name, value) -> values.put(name, call(name, value)));
        try {
            return GoJson.marshal(GoMap.of(GoType.ANY_MAP, values), true);
        } catch (GoFunction.Failure e) {
            return "{}";
        }
    }

    /** The header context: each field's column name, and Label giving a label's last dotted part. */
    public GoMap header() {
        return header(headers);
    }

    static GoMap header(Map<String, String> headers) {
        GoFunction label = GoFunction.of("Label", args -> headerLabel((String) args.get(0)), GoType.STRING);
        return new GoMap(GoType.namedMap("formatter.SubHeaderContext", GoType.STRING), new LinkedHashMap<>(headers),
                false, Map.of("Label", label));
    }

    /** SubHeaderContext.Label: "com.example.my-tier" heads its column "my tier". */
    static String headerLabel(String name) {
        List<String> parts = List.of(name.split("\\.", -1));
        return parts.get(parts.size() - 1).replace('-', ' ').replace('_', ' ');
    }
}
