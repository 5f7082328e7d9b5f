package io.github.dockerlessons.render.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Go map with string keys ({@code map[string]interface {}}, {@code map[string]string}); nil when
 * entries is null. Entries keep their insertion order, which is what JSON from the engine had and
 * what {@code json} prints; fmt and {@code range} visit keys sorted, as Go does.
 *
 * <p>A map may carry methods (docker's header context is a map with a {@code Label} method), and one
 * decoded from a JSON object that was a Go struct on the engine's side prints like a struct
 * ({@code {no 0}}), see {@link #printsAsStruct}.
 */
public record GoMap(GoType type, Map<String, Object> entries, boolean printsAsStruct,
                    Map<String, GoFunction> methods) {
    public GoMap {
        entries = entries == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        methods = methods == null ? Map.of() : Map.copyOf(methods);
    }

    public static GoMap of(GoType type, Map<String, ?> entries) {
        return new GoMap(type, new LinkedHashMap<>(entries), false, null);
    }

    public static GoMap nil(GoType type) {
        return new GoMap(type, null, false, null);
    }

    public boolean isNil() {
        return entries == null;
    }

    public int size() {
        return entries == null ? 0 : entries.size();
    }

    public boolean containsKey(String key) {
        return entries != null && entries.containsKey(key);
    }

    public Object get(String key) {
        return entries == null ? null : entries.get(key);
    }

    /** Keys in Go's order: by the bytes of their UTF-8 text. */
    public List<String> sortedKeys() {
        if (entries == null) {
            return List.of();
        }
        return entries.keySet().stream().sorted(GoValues::compareStrings).toList();
    }
}
