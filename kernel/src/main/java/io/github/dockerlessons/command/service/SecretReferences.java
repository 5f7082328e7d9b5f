package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --secret} of {@code service create}: docker/cli's opts.SecretOpt (a name alone, or
 * {@code source=,target=,uid=,gid=,mode=}) and its ParseSecrets, which finds each secret's ID by name.
 * The secret becomes a file of the task's containers, /run/secrets/TARGET, mode 0444 unless told.
 */
final class SecretReferences {
    private static final String FLAG = "--secret";

    private SecretReferences() {
    }

    /** The ContainerSpec's Secrets for the flag's values; the CLI's words for a malformed value or a missing secret. */
    static JsonArray resolve(CommandContext ctx, List<String> values) throws DockerError, InterruptedException {
        Map<String, JsonObject> byTarget = new LinkedHashMap<>();
        for (String value : values) {
            JsonObject reference = parse(value);
            String target = SwarmApi.text(reference, "File", "Name");
            if (byTarget.containsKey(target)) {
                throw new DockerError(1, "duplicate secret target for " + SwarmApi.text(reference, "SecretName")
                        + " not allowed", null);
            }
            byTarget.put(target, reference);
        }
        List<String> names = new ArrayList<>();
        byTarget.values().forEach(reference -> names.add(SwarmApi.text(reference, "SecretName")));
        Map<String, String> found = new LinkedHashMap<>();
        for (JsonObject secret : SwarmApi.list(ctx, "/secrets", Map.of("name", names))) {
            found.put(SwarmApi.text(secret, "Spec", "Name"), SwarmApi.text(secret, "ID"));
        }
        JsonArray secrets = new JsonArray();
        for (JsonObject reference : byTarget.values()) {
            String id = found.get(SwarmApi.text(reference, "SecretName"));
            if (id == null) {
                throw new DockerError(1, "secret not found: " + SwarmApi.text(reference, "SecretName"), null);
            }
            reference.addProperty("SecretID", id);
            secrets.add(reference);
        }
        return secrets;
    }

    /** One flag value as opts.SecretOpt.Set reads it. */
    static JsonObject parse(String value) throws DockerError {
        JsonObject file = new JsonObject();
        file.addProperty("Name", "");
        file.addProperty("UID", "0");
        file.addProperty("GID", "0");
        file.addProperty("Mode", 0444);
        JsonObject reference = new JsonObject();
        reference.add("File", file);
        String[] fields = value.split(",", -1);
        if (fields.length == 1 && !fields[0].contains("=")) {
            file.addProperty("Name", fields[0]);
            reference.addProperty("SecretName", fields[0]);
            return reference;
        }
        String source = "";
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq < 0) {
                throw invalid(value, "invalid field '" + field + "' must be a key=value pair");
            }
            String key = field.substring(0, eq).toLowerCase(Locale.ROOT);
            String val = field.substring(eq + 1);
            switch (key) {
                case "source", "src" -> source = val;
                case "target" -> file.addProperty("Name", val);
                case "uid" -> file.addProperty("UID", val);
                case "gid" -> file.addProperty("GID", val);
                case "mode" -> file.addProperty("Mode", mode(value, val));
                default -> throw invalid(value, "invalid field in secret request: " + key);
            }
        }
        if (source.isEmpty()) {
            throw invalid(value, "source is required");
        }
        reference.addProperty("SecretName", source);
        if (SwarmApi.text(reference, "File", "Name").isEmpty()) {
            file.addProperty("Name", source);
        }
        return reference;
    }

    /** strconv.ParseUint(value, 0, 32): 0444 is octal, 0x124 hex, 292 decimal. */
    private static long mode(String whole, String value) throws DockerError {
        try {
            long mode;
            if (value.startsWith("0x") || value.startsWith("0X")) {
                mode = Long.parseLong(value.substring(2), 16);
            } else if (value.startsWith("0o") || value.startsWith("0O")) {
                mode = Long.parseLong(value.substring(2), 8);
            } else if (value.length() > 1 && value.startsWith("0")) {
                mode = Long.parseLong(value.substring(1), 8);
            } else {
                mode = Long.parseLong(value);
            }
            if (mode < 0 || mode > 0xFFFFFFFFL) {
                throw new NumberFormatException();
            }
            return mode;
        } catch (NumberFormatException e) {
            throw invalid(whole, "invalid mode specified: strconv.ParseUint: parsing \"" + value
                    + "\": invalid syntax");
        }
    }

    private static DockerError invalid(String value, String why) {
        return new DockerError(125, "invalid argument \"" + value + "\" for \"" + FLAG + "\" flag: " + why, null);
    }
}
