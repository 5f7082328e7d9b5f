package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoTime;
import io.github.dockerlessons.golang.Units;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The pieces of a service spec as {@code service create} and {@code service update} take them from
 * flags, in the CLI's syntax: published ports ({@code 8080:80}, {@code published=8080,target=80}),
 * mounts ({@code type=volume,source=data,target=/data}), durations ({@code 10s}), CPUs ({@code 0.5})
 * and memory ({@code 256m}). A value the CLI refuses is refused with its words.
 */
final class ServiceSpecs {
    private ServiceSpecs() {
    }

    /** {@code -p 8080:80[/udp]} or the long form; the CLI's ingress mode unless mode=host. */
    static JsonObject port(String value, String flag) throws DockerError {
        JsonObject port = new JsonObject();
        String protocol = "tcp";
        String mode = "ingress";
        long published = 0;
        long target;
        try {
            if (value.contains("=")) {
                target = 0;
                for (String field : value.split(",")) {
                    String[] kv = field.split("=", 2);
                    String key = kv[0].trim().toLowerCase(Locale.ROOT);
                    String v = kv.length > 1 ? kv[1].trim() : "";
                    switch (key) {
                        case "published" -> published = Long.parseLong(v);
                        case "target" -> target = Long.parseLong(v);
                        case "protocol" -> protocol = v;
                        case "mode" -> mode = v;
                        default -> throw new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag
                                + "\" flag: invalid field key " + key, null);
                    }
                }
                if (target == 0) {
                    throw new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag
                            + "\" flag: missing mandatory field \"target\"", null);
                }
            } else {
                String spec = value;
                int slash = spec.indexOf('/');
                if (slash >= 0) {
                    protocol = spec.substring(slash + 1);
                    spec = spec.substring(0, slash);
                }
                int colon = spec.lastIndexOf(':');
                if (colon >= 0) {
                    published = Long.parseLong(spec.substring(colon > 0 ? spec.lastIndexOf(':', colon - 1) + 1 : 0, colon));
                    target = Long.parseLong(spec.substring(colon + 1));
                } else {
                    target = Long.parseLong(spec);
                }
            }
        } catch (NumberFormatException e) {
            throw new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag + "\" flag: invalid port "
                    + value, null);
        }
        port.addProperty("Protocol", protocol);
        port.addProperty("TargetPort", target);
        if (published > 0) {
            port.addProperty("PublishedPort", published);
        }
        port.addProperty("PublishMode", mode);
        return port;
    }

    /** {@code --mount type=volume,source=data,target=/data[,readonly]}. */
    static JsonObject mount(String value) throws DockerError {
        JsonObject mount = new JsonObject();
        mount.addProperty("Type", "volume");
        for (String field : value.split(",")) {
            String[] kv = field.split("=", 2);
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String v = kv.length > 1 ? kv[1].trim() : "";
            switch (key) {
                case "type" -> mount.addProperty("Type", v);
                case "source", "src" -> mount.addProperty("Source", v);
                case "target", "dst", "destination" -> mount.addProperty("Target", v);
                case "readonly", "ro" -> mount.addProperty("ReadOnly", kv.length == 1 || v.equals("true") || v.equals("1"));
                default -> throw new DockerError(125, "invalid argument \"" + value + "\" for \"--mount\" flag: "
                        + "unexpected key '" + key + "' in '" + field + "'", null);
            }
        }
        if (!mount.has("Target")) {
            throw new DockerError(125, "invalid argument \"" + value + "\" for \"--mount\" flag: target is required", null);
        }
        return mount;
    }

    /** A Go duration in nanoseconds, refused in the flag's words. */
    static long duration(String value, String flag) throws DockerError {
        try {
            return GoTime.parseDuration(value);
        } catch (GoTime.InvalidDuration e) {
            throw new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag + "\" flag: "
                    + e.getMessage(), null);
        }
    }

    /** {@code --limit-cpu 0.5}: nano CPUs. */
    static long nanoCpus(String value, String flag) throws DockerError {
        try {
            return new BigDecimal(value).movePointRight(9).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag
                    + "\" flag: failed to parse " + value + " as a rational number", null);
        }
    }

    /** {@code --limit-memory 256m}: bytes. */
    static long bytes(String value, String flag) throws DockerError {
        try {
            return Units.ramInBytes(value);
        } catch (FlagType.InvalidValue e) {
            throw new DockerError(125, "invalid argument \"" + value + "\" for \"" + flag + "\" flag: "
                    + e.getMessage(), null);
        }
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** The object at {@code key} of {@code parent}, made when missing. */
    static JsonObject child(JsonObject parent, String key) {
        if (!parent.has(key) || !parent.get(key).isJsonObject()) {
            parent.add(key, new JsonObject());
        }
        return parent.getAsJsonObject(key);
    }

    /** The array at {@code key} of {@code parent}, made when missing. */
    static JsonArray array(JsonObject parent, String key) {
        if (!parent.has(key) || !parent.get(key).isJsonArray()) {
            parent.add(key, new JsonArray());
        }
        return parent.getAsJsonArray(key);
    }
}
