package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoNumbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Published and exposed ports ({@code -p 8080:80}, {@code -p 127.0.0.1:8080:80/tcp},
 * {@code -p published=8080,target=80}, {@code -P}, {@code --expose 80}), read as go-connections'
 * nat.ParsePortSpec reads them, with its errors.
 *
 * @param exposed  the container's exposed ports ("80/tcp"), in the order given
 * @param bindings per exposed port, the host addresses it is published on
 */
public record PortFlags(Set<String> exposed, Map<String, List<Binding>> bindings, boolean publishAll) {

    /** One host address of a published port; empty IP means every address, empty port a free one. */
    public record Binding(String hostIp, String hostPort) { }

    public static final Flag<List<String>> PUBLISH = Flag.list('p', "publish");
    public static final Flag<Boolean> PUBLISH_ALL = Flag.bool('P', "publish-all");
    public static final Flag<List<String>> EXPOSE = Flag.list("expose");

    public static final List<Flag<?>> FLAGS = List.of(PUBLISH, PUBLISH_ALL, EXPOSE);

    public static PortFlags of(Invocation in) throws InvalidOptions {
        Set<String> exposed = new LinkedHashSet<>();
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        for (String spec : in.get(PUBLISH)) {
            for (Map.Entry<String, Binding> mapping : parsePortSpec(standardNotation(spec))) {
                exposed.add(mapping.getKey());
                bindings.computeIfAbsent(mapping.getKey(), k -> new ArrayList<>()).add(mapping.getValue());
            }
        }
        for (String spec : in.get(EXPOSE)) {
            if (spec.contains(":")) {
                throw new InvalidOptions("invalid port format for --expose: " + spec);
            }
            String[] protoPort = splitProtoPort(spec);
            long[] range;
            try {
                range = portRange(protoPort[1]);
            } catch (FlagType.InvalidValue e) {
                throw new InvalidOptions("invalid range format for --expose: " + spec + ", error: " + e.getMessage());
            }
            for (long port = range[0]; port <= range[1]; port++) {
                exposed.add(port + "/" + protoPort[0]);
            }
        }
        return new PortFlags(exposed, bindings, in.get(PUBLISH_ALL));
    }

    public void applyTo(CreateRequest request) {
        if (!exposed.isEmpty()) {
            request.config().add("ExposedPorts", CreateRequest.keySet(exposed));
        }
        JsonObject portBindings = new JsonObject();
        bindings.forEach((port, list) -> {
            JsonArray array = new JsonArray();
            for (Binding b : list) {
                JsonObject binding = new JsonObject();
                binding.addProperty("HostIp", b.hostIp());
                binding.addProperty("HostPort", b.hostPort());
                array.add(binding);
            }
            portBindings.add(port, array);
        });
        request.host().add("PortBindings", portBindings);
        request.host().addProperty("PublishAllPorts", publishAll);
    }

    /** The long syntax {@code published=8080,target=80,protocol=udp} as {@code 8080:80/udp}. */
    static String standardNotation(String spec) throws InvalidOptions {
        if (!spec.contains("=")) {
            return spec;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("protocol", "tcp");
        for (String param : spec.split(",", -1)) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new InvalidOptions("invalid publish opts format (should be name=value but got '" + param + "')");
            }
            params.put(param.substring(0, eq), param.substring(eq + 1));
        }
        return params.getOrDefault("published", "") + ":" + params.getOrDefault("target", "") + "/"
                + params.get("protocol");
    }

    /** nat.ParsePortSpec: one published port or range, as (container port "80/tcp", binding) pairs. */
    public static List<Map.Entry<String, Binding>> parsePortSpec(String raw) throws InvalidOptions {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String containerPort = parts[n - 1];
        String ip = "";
        String hostPort = "";
        if (n == 2) {
            hostPort = parts[0];
        } else if (n == 3) {
            ip = parts[0];
            hostPort = parts[1];
        } else if (n > 3) {
            ip = String.join(":", List.of(parts).subList(0, n - 2));
            hostPort = parts[n - 2];
        }
        String[] protoPort = splitProtoPort(containerPort);
        String proto = protoPort[0];
        containerPort = protoPort[1];
        if (!ip.isEmpty() && ip.charAt(0) == '[') {
            if (!ip.endsWith("]")) {
                throw new InvalidOptions("invalid IP address " + ip + ": address " + ip + ": missing ']' in address");
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !IpAddress.isValid(ip)) {
            throw new InvalidOptions("invalid IP address: " + ip);
        }
        if (containerPort.isEmpty()) {
            throw new InvalidOptions("no port specified: " + raw + "<empty>");
        }
        long[] container;
        try {
            container = portRange(containerPort);
        } catch (FlagType.InvalidValue e) {
            throw new InvalidOptions("invalid containerPort: " + containerPort);
        }
        long[] host = {0, 0};
        if (!hostPort.isEmpty()) {
            try {
                host = portRange(hostPort);
            } catch (FlagType.InvalidValue e) {
                throw new InvalidOptions("invalid hostPort: " + hostPort);
            }
        }
        if (!hostPort.isEmpty() && container[1] - container[0] != host[1] - host[0] && container[1] != container[0]) {
            throw new InvalidOptions("invalid ranges specified for container and host Ports: " + containerPort + " and "
                    + hostPort);
        }
        String lowerProto = proto.toLowerCase(Locale.ROOT);
        if (!lowerProto.equals("tcp") && !lowerProto.equals("udp") && !lowerProto.equals("sctp")) {
            throw new InvalidOptions("invalid proto: " + proto);
        }
        List<Map.Entry<String, Binding>> mappings = new ArrayList<>();
        for (long i = 0; i <= container[1] - container[0]; i++) {
            String published = hostPort.isEmpty() ? "" : Long.toString(host[0] + i);
            if (container[0] == container[1] && host[0] != host[1]) {
                published = published + "-" + host[1];
            }
            mappings.add(Map.entry((container[0] + i) + "/" + lowerProto, new Binding(ip, published)));
        }
        return mappings;
    }

    /** nat.SplitProtoPort: {protocol, port}, tcp when none is given. */
    static String[] splitProtoPort(String raw) {
        String[] parts = raw.split("/", -1);
        if (raw.isEmpty() || parts[0].isEmpty()) {
            return new String[]{"", ""};
        }
        if (parts.length == 1 || parts[1].isEmpty()) {
            return new String[]{"tcp", parts[0]};
        }
        return new String[]{parts[1], parts[0]};
    }

    /** nat.ParsePortRange: "80" or "8000-8010". */
    public static long[] portRange(String ports) throws FlagType.InvalidValue {
        if (ports.isEmpty()) {
            throw new FlagType.InvalidValue("empty string specified for ports");
        }
        if (!ports.contains("-")) {
            long port = GoNumbers.parseUint(ports, 16);
            return new long[]{port, port};
        }
        String[] parts = ports.split("-", -1);
        long start = GoNumbers.parseUint(parts[0], 16);
        long end = GoNumbers.parseUint(parts[1], 16);
        if (end < start) {
            throw new FlagType.InvalidValue("invalid range specified for port: " + ports);
        }
        return new long[]{start, end};
    }
}
