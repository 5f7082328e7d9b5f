package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's secrets or configs as {@code --secret}, {@code --config}, {@code --secret-add} and
 * {@code --config-add} name them (the CLI's SecretOpt and ConfigOpt: {@code NAME} or
 * {@code source=NAME,target=PATH,uid=,gid=,mode=}), each a file owned by root with mode 0444 unless
 * said otherwise, and the engine's ID found by name as the CLI's ParseSecrets finds it.
 */
enum FileReferences {
    SECRET("secret", "Secret", "/secrets"),
    CONFIG("config", "Config", "/configs");

    private final String kind;
    private final String field;
    private final String path;

    FileReferences(String kind, String field, String path) {
        this.kind = kind;
        this.field = field;
        this.path = path;
    }

    /** The name of the reference's secret or config. */
    String nameOf(JsonObject reference) {
        return SwarmApi.text(reference, field + "Name");
    }

    /** One flag value as a reference without its ID. */
    JsonObject parse(String value, String flag) throws DockerError {
        JsonObject file = new JsonObject();
        file.addProperty("Name", "");
        file.addProperty("UID", "0");
        file.addProperty("GID", "0");
        file.addProperty("Mode", 0444);
        JsonObject reference = new JsonObject();
        reference.add("File", file);
        String[] fields = value.split(",");
        if (fields.length == 1 && !fields[0].contains("=")) {
            file.addProperty("Name", fields[0]);
            reference.addProperty(field + "Name", fields[0]);
            return reference;
        }
        String source = "";
        for (String f : fields) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw invalid(value, flag, "invalid field '" + f + "' must be a key=value pair");
            }
            String key = f.substring(0, eq).toLowerCase(Locale.ROOT);
            String v = f.substring(eq + 1);
            switch (key) {
                case "source", "src" -> source = v;
                case "target" -> file.addProperty("Name", v);
                case "uid" -> file.addProperty("UID", v);
                case "gid" -> file.addProperty("GID", v);
                case "mode" -> {
                    try {
                        // Go's ParseUint with base 0: 0444 and 0o444 octal, 0x1a4 hexadecimal
                        file.addProperty("Mode", Long.decode(v.startsWith("0o") ? "0" + v.substring(2) : v));
                    } catch (NumberFormatException e) {
                        throw invalid(value, flag, "invalid mode specified: strconv.ParseUint: parsing \"" + v
                                + "\": invalid syntax");
                    }
                }
                default -> throw invalid(value, flag, "invalid field in " + kind + " request: " + key);
            }
        }
        if (source.isEmpty()) {
            throw invalid(value, flag, "source is required");
        }
        reference.addProperty(field + "Name", source);
        if (SwarmApi.text(file, "Name").isEmpty()) {
            file.addProperty("Name", source);
        }
        return reference;
    }

    private static DockerError invalid(String value, String flag, String why) {
        return new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + why, null);
    }

    /** The flag values as references with their IDs; a name the engine does not have is the CLI's error. */
    JsonArray resolve(CommandContext ctx, List<String> values, String flag) throws DockerError, InterruptedException {
        List<JsonObject> references = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (String value : values) {
            JsonObject reference = parse(value, flag);
            if (!targets.add(SwarmApi.text(reference, "File", "Name"))) {
                throw new DockerError(1, "duplicate " + kind + " target for " + nameOf(reference) + " not allowed", null);
            }
            references.add(reference);
        }
        JsonArray resolved = new JsonArray();
        if (references.isEmpty()) {
            return resolved;
        }
        List<String> names = references.stream().map(this::nameOf).distinct().toList();
        Map<String, String> ids = new HashMap<>();
        for (JsonObject found : SwarmApi.list(ctx, path, Map.of("name", names))) {
            ids.put(SwarmApi.text(found, "Spec", "Name"), SwarmApi.text(found, "ID"));
        }
        for (JsonObject reference : references) {
            String id = ids.get(nameOf(reference));
            if (id == null) {
                throw new DockerError(1, kind + " not found: " + nameOf(reference), null);
            }
            reference.addProperty(field + "ID", id);
            resolved.add(reference);
        }
        return resolved;
    }
}
