package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.PortFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoNumbers;
import io.github.dockerlessons.golang.GoTime;
import io.github.dockerlessons.golang.Units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pieces of a service spec as {@code service create} and {@code service update} take them from
 * flags, in the CLI's syntax: published ports ({@code 8080:80}, {@code published=8080,target=80}),
 * mounts ({@code type=volume,source=data,target=/data}), durations ({@code 10s}), CPUs ({@code 0.5})
 * and memory ({@code 256m}). A value the CLI refuses is refused with its words.
 */
final class ServiceSpecs {
    private ServiceSpecs() {
    }

    /** The values of {@code -p/--publish}, {@code --publish-add} and {@code --publish-rm}: each one or more ports. */
    static final FlagType<List<List<JsonObject>>> PORTS = FlagType.listOf("port", ServiceSpecs::ports);

    /** {@code --replicas}: the API's uint64, as strconv.ParseUint(value, 10, 64) takes it. */
    static final FlagType<BigInteger> UINT64 = FlagType.single("uint", ServiceSpecs::uint64);

    private static final Pattern LONG_SYNTAX = Pattern.compile("\\w+=\\w+(,\\w+=\\w+)*");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * One value as the CLI's PortOpt.Set reads it: the long form ({@code published=8080,target=80,protocol=udp,
     * mode=host}) when a {@code key=value} pair is in it, else nat.ParsePortSpec's short form (a range gives a
     * port each; a host address is refused), with its errors.
     */
    static List<JsonObject> ports(String value) throws FlagType.InvalidValue {
        if (LONG_SYNTAX.matcher(value).find()) {
            return List.of(longPort(value));
        }
        List<Map.Entry<String, PortFlags.Binding>> specs;
        try {
            specs = PortFlags.parsePortSpec(value);
        } catch (InvalidOptions e) {
            throw new FlagType.InvalidValue(e.getMessage());
        }
        for (Map.Entry<String, PortFlags.Binding> spec : specs) {
            if (!spec.getValue().hostIp().isEmpty()) {
                throw new FlagType.InvalidValue("hostip is not supported");
            }
        }
        List<JsonObject> ports = new ArrayList<>();
        for (Map.Entry<String, PortFlags.Binding> spec : specs) {
            String[] portProto = spec.getKey().split("/", 2);
            String hostPort = spec.getValue().hostPort();
            long[] published = {0, 0};
            if (!hostPort.isEmpty()) {
                try {
                    published = PortFlags.portRange(hostPort);
                } catch (FlagType.InvalidValue e) {
                    throw new FlagType.InvalidValue("invalid hostport binding (" + hostPort + ") for port (" + portProto[0] + ")");
                }
            }
            for (long p = published[0]; p <= published[1]; p++) {
                ports.add(port(portProto[1], Long.parseLong(portProto[0]), p, "ingress"));
            }
        }
        return ports;
    }

    /** The long form: CSV fields, each key=value, keys and values taken in lower case as the CLI 28 takes them. */
    private static JsonObject longPort(String value) throws FlagType.InvalidValue {
        String protocol = "tcp";
        String mode = "ingress";
        long published = 0;
        long target = 0;
        for (String field : csvFields(value)) {
            String lower = field.toLowerCase(Locale.ROOT);
            int eq = lower.indexOf('=');
            if (eq <= 0) {
                throw new FlagType.InvalidValue("invalid field: " + field);
            }
            String key = lower.substring(0, eq);
            String v = lower.substring(eq + 1);
            switch (key) {
                case "protocol" -> {
                    if (!v.equals("tcp") && !v.equals("udp") && !v.equals("sctp")) {
                        throw new FlagType.InvalidValue("invalid protocol value '" + v + "'");
                    }
                    protocol = v;
                }
                case "mode" -> {
                    if (!v.equals("ingress") && !v.equals("host")) {
                        throw new FlagType.InvalidValue("invalid publish mode value (" + v
                                + "): must be either 'ingress' or 'host'");
                    }
                    mode = v;
                }
                case "target" -> target = portNumber(v, "target");
                case "published" -> published = portNumber(v, "published");
                default -> throw new FlagType.InvalidValue("invalid field key: " + key);
            }
        }
        if (target == 0) {
            throw new FlagType.InvalidValue("missing mandatory field 'target'");
        }
        return port(protocol, target, published, mode);
    }

    private static long portNumber(String v, String which) throws FlagType.InvalidValue {
        try {
            return GoNumbers.parseUint(v, 16);
        } catch (FlagType.InvalidValue e) {
            // the CLI keeps the NumError's cause only: "invalid syntax", "value out of range"
            String cause = e.getMessage().substring(e.getMessage().lastIndexOf(": ") + 2);
            throw new FlagType.InvalidValue("invalid " + which + " port (" + v + "): value must be an integer: " + cause);
        }
    }

    /** Go's encoding/csv for one record: fields between commas, a field in double quotes may hold commas ("" is a quote). */
    private static List<String> csvFields(String value) throws FlagType.InvalidValue {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < value.length() && value.charAt(i) == '"') {
                int start = i++;
                while (true) {
                    if (i >= value.length()) {
                        throw new FlagType.InvalidValue("parse error on line 1, column " + (start + 1)
                                + ": extraneous or missing \" in quoted-field");
                    }
                    char c = value.charAt(i++);
                    if (c == '"' && i < value.length() && value.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                    }
                }
                if (i < value.length() && value.charAt(i) != ',') {
                    throw new FlagType.InvalidValue("parse error on line 1, column " + (i + 1)
                            + ": extraneous or missing \" in quoted-field");
                }
            } else {
                int comma = value.indexOf(',', i);
                String bare = value.substring(i, comma < 0 ? value.length() : comma);
                int quote = bare.indexOf('"');
                if (quote >= 0) {
                    throw new FlagType.InvalidValue("parse error on line 1, column " + (i + quote + 1)
                            + ": bare \" in non-quoted-field");
                }
                field.append(bare);
                i += bare.length();
            }
            fields.add(field.toString());
            if (i >= value.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static JsonObject port(String protocol, long target, long published, String mode) {
        JsonObject port = new JsonObject();
        port.addProperty("Protocol", protocol);
        port.addProperty("TargetPort", target);
        if (published > 0) {
            port.addProperty("PublishedPort", published);
        }
        port.addProperty("PublishMode", mode);
        return port;
    }

    /** strconv.ParseUint(text, 10, 64), the whole uint64 range. */
    static BigInteger uint64(String text) throws FlagType.InvalidValue {
        if (!text.matches("\\d+")) {
            throw new FlagType.InvalidValue("strconv.ParseUint: parsing " + FlagType.quote(text) + ": invalid syntax");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(MAX_UINT64) > 0) {
            throw new FlagType.InvalidValue("strconv.ParseUint: parsing " + FlagType.quote(text) + ": value out of range");
        }
        return value;
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
