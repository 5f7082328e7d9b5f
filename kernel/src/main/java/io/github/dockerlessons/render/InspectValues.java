package io.github.dockerlessons.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.render.template.GoJson;
import io.github.dockerlessons.render.template.GoMap;
import io.github.dockerlessons.render.template.GoSlice;
import io.github.dockerlessons.render.template.GoType;
import io.github.dockerlessons.render.template.GoValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's inspect JSON as {@code docker inspect -f} templates see it. The CLI runs the template
 * over its typed Go structs first and over the raw JSON only when that fails, so this stays close to
 * the structs: integers are ints ({@code {{.State.Pid}}} prints 4242, {@code printf "%d"} works), an
 * object that is a struct prints like one ({@code {{.HostConfig.RestartPolicy}}} is {@code {no 0}})
 * while one that is a Go map prints as {@code map[...]}, a null prints as the nil of its Go type
 * ({@code []}, {@code map[]} or {@code <nil>}), and a missing key is the raw pass's error
 * ({@code map has no entry for key "Nope"}).
 */
public final class InspectValues {
    /** Keys whose objects are Go maps in docker's types (everything else is a struct). */
    private static final Set<String> MAP_KEYS = Set.of("Labels", "Volumes", "ExposedPorts", "Ports", "Networks",
            "DriverOpts", "Options", "Data", "Sysctls", "StorageOpt", "Tmpfs", "Annotations", "Details", "Containers",
            "Status", "PortBindings");
    /** Keys whose maps hold strings (map[string]string): a missing key indexes as "". */
    private static final Set<String> STRING_MAP_KEYS = Set.of("Labels", "DriverOpts", "Options", "Data", "Sysctls",
            "StorageOpt", "Tmpfs", "Annotations", "Details");
    /** Keys whose null is a nil pointer ({@code <nil>}) rather than a nil slice or map. */
    private static final Set<String> POINTER_KEYS = Set.of("MemorySwappiness", "PidsLimit", "IPAMConfig", "Health",
            "Healthcheck", "Init", "OomKillDisable", "StopTimeout", "UsageData");

    private InspectValues() {
    }

    public static Object decode(JsonElement json) {
        return decode(json, "");
    }

    private static Object decode(JsonElement json, String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        if (json == null || json.isJsonNull()) {
            return nil(key);
        }
        if (json.isJsonArray()) {
            List<Object> items = new ArrayList<>();
            json.getAsJsonArray().forEach(item -> items.add(decode(item, path + ".[]")));
            // An array of strings is a []string in docker's structs (Env, Cmd, RepoTags, ...).
            boolean strings = !items.isEmpty() && items.stream().allMatch(String.class::isInstance);
            return new GoSlice(strings ? GoType.STRING_SLICE : GoType.ANY_SLICE, items);
        }
        if (!json.isJsonObject()) {
            return GoJson.decodePrimitive(json.getAsJsonPrimitive());
        }
        JsonObject object = json.getAsJsonObject();
        boolean map = MAP_KEYS.contains(key) || path.endsWith("LogConfig.Config");
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            entries.put(entry.getKey(), decode(entry.getValue(), map ? path + ".*" : path + "." + entry.getKey()));
        }
        if (path.equals(".State") && !entries.containsKey("Health")) {
            entries.put("Health", nil("Health")); // *Health, left out of the JSON when there is none
        }
        if (path.equals(".Config") && object.has("Cmd") && !entries.containsKey("Healthcheck")) {
            entries = insertAfter(entries, "Cmd", "Healthcheck", nil("Healthcheck"));
        }
        boolean stringMap = map && (STRING_MAP_KEYS.contains(key) || path.endsWith("LogConfig.Config"))
                && entries.values().stream().allMatch(String.class::isInstance);
        return new GoMap(stringMap ? GoType.STRING_MAP : GoType.ANY_MAP, entries, !map && !path.isEmpty(), null);
    }

    private static Object nil(String key) {
        if (MAP_KEYS.contains(key)) {
            return GoMap.nil(GoType.STRING_MAP);
        }
        if (POINTER_KEYS.contains(key)) {
            return new GoValues.Nil(GoType.pointer(key));
        }
        return GoSlice.nil(GoType.STRING_SLICE);
    }

    private static Map<String, Object> insertAfter(Map<String, Object> entries, String after, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals(after)) {
                out.put(key, value);
            }
        });
        return out;
    }
}
