package io.github.dockerlessons.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.golang.GoFtoa;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.golang.GoTime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker service inspect --pretty}: docker/cli's serviceInspectPrettyTemplate written out line
 * for line (its tabs, its trailing spaces after Networks, Ports and Tests), over the engine's answer
 * with defaults inserted; map entries in key order, as Go's template ranges over a map.
 */
public final class ServicePretty {
    private ServicePretty() {
    }

    /** One service; {@code networkNames} names the networks by ID where the engine knows them. */
    public static String of(JsonObject service, Map<String, String> networkNames, Instant now) {
        JsonObject spec = object(service, "Spec");
        JsonObject task = object(spec, "TaskTemplate");
        JsonObject container = object(task, "ContainerSpec");
        StringBuilder out = new StringBuilder("\nID:\t\t").append(text(service, "ID"));
        out.append("\nName:\t\t").append(text(spec, "Name"));
        JsonObject labels = object(spec, "Labels");
        if (labels != null && labels.size() > 0) {
            out.append("\nLabels:");
            new TreeMap<>(JsonFields.labels(labels)).forEach((k, v) -> out.append("\n ").append(k)
                    .append(v.isEmpty() ? "" : "=" + v));
        }
        out.append("\nService Mode:");
        if (object(spec, "Mode", "Global") != null) {
            out.append("\tGlobal");
        } else if (object(spec, "Mode", "Replicated") != null) {
            out.append("\tReplicated");
            String replicas = text(spec, "Mode", "Replicated", "Replicas");
            if (!replicas.isEmpty()) {
                out.append("\n Replicas:\t").append(replicas);
            }
        }
        JsonObject status = object(service, "UpdateStatus");
        if (status != null && !text(status, "State").isEmpty()) {
            out.append("\nUpdateStatus:\n State:\t\t").append(text(status, "State"));
            if (!text(status, "StartedAt").isEmpty()) {
                out.append("\n Started:\t").append(ago(text(status, "StartedAt"), now));
            }
            if (text(status, "State").equals("completed") && !text(status, "CompletedAt").isEmpty()) {
                out.append("\n Completed:\t").append(ago(text(status, "CompletedAt"), now));
            }
            out.append("\n Message:\t").append(text(status, "Message"));
        }
        out.append("\nPlacement:");
        List<String> constraints = strings(task, "Placement", "Constraints");
        if (!constraints.isEmpty()) {
            out.append("\n Constraints:\t").append(goList(constraints));
        }
        List<String> preferences = new ArrayList<>();
        JsonArray given = array(object(task, "Placement"), "Preferences");
        for (JsonElement preference : given) {
            String spread = text(preference.getAsJsonObject(), "Spread", "SpreadDescriptor");
            if (!spread.isEmpty()) {
                preferences.add("spread=" + spread);
            }
        }
        if (!preferences.isEmpty()) {
            out.append("\n Preferences:   ").append(goList(preferences));
        }
        String maxReplicas = text(task, "Placement", "MaxReplicas");
        if (!maxReplicas.isEmpty() && !maxReplicas.equals("0")) {
            out.append("\n Max Replicas Per Node:   ").append(maxReplicas);
        }
        update(out, object(spec, "UpdateConfig"), "UpdateConfig:", "\n Update order:      ");
        update(out, object(spec, "RollbackConfig"), "RollbackConfig:", "\n Rollback order:    ");
        out.append("\nContainerSpec:\n Image:\t\t").append(text(container, "Image"));
        List<String> args = strings(container, "Args");
        if (!args.isEmpty()) {
            out.append("\n Args:\t\t");
            args.forEach(a -> out.append(a).append(' '));
        }
        List<String> env = strings(container, "Env");
        if (!env.isEmpty()) {
            out.append("\n Env:\t\t");
            env.forEach(e -> out.append(e).append(' '));
        }
        appendIf(out, "\n Dir:\t\t", text(container, "Dir"));
        appendIf(out, "\n Init:\t\t", text(container, "Init"));
        appendIf(out, "\n User: ", text(container, "User"));
        List<String> capAdd = strings(container, "CapabilityAdd");
        List<String> capDrop = strings(container, "CapabilityDrop");
        if (!capAdd.isEmpty() || !capDrop.isEmpty()) {
            out.append("\nCapabilities:");
            appendIf(out, "\n Add: ", String.join(", ", capAdd));
            appendIf(out, "\n Drop: ", String.join(", ", capDrop));
        }
        JsonObject sysctls = object(container, "Sysctls");
        if (sysctls != null && sysctls.size() > 0) {
            out.append("\nSysCtls:");
            new TreeMap<>(JsonFields.labels(sysctls)).forEach((k, v) -> out.append("\n ").append(k)
                    .append(v.isEmpty() ? "" : ": " + v));
        }
        JsonArray ulimits = array(container, "Ulimits");
        if (!ulimits.isEmpty()) {
            Map<String, String> byName = new TreeMap<>();
            ulimits.forEach(u -> byName.put(text(u.getAsJsonObject(), "Name"), number(u.getAsJsonObject(), "Soft") + ":"
                    + number(u.getAsJsonObject(), "Hard")));
            out.append("\nUlimits:");
            byName.forEach((k, v) -> out.append("\n ").append(k).append(": ").append(v));
        }
        JsonArray mounts = array(container, "Mounts");
        if (!mounts.isEmpty()) {
            out.append("\nMounts:");
        }
        for (JsonElement m : mounts) {
            JsonObject mount = m.getAsJsonObject();
            out.append("\n Target:\t").append(text(mount, "Target")).append("\n  Source:\t").append(text(mount, "Source"))
                    .append("\n  ReadOnly:\t").append(text(mount, "ReadOnly").equals("true"))
                    .append("\n  Type:\t\t").append(text(mount, "Type"));
        }
        references(out, "Configs:", array(container, "Configs"), "ConfigName");
        references(out, "Secrets:", array(container, "Secrets"), "SecretName");
        JsonObject logDriver = object(task, "LogDriver");
        if (logDriver != null) {
            out.append("\nLog Driver:");
            appendIf(out, "\n Name:\t\t", text(logDriver, "Name"));
            JsonObject options = object(logDriver, "Options");
            if (options != null && options.size() > 0) {
                out.append("\n LogOpts:");
                new TreeMap<>(JsonFields.labels(options)).forEach((k, v) -> out.append("\n  ").append(k)
                        .append(v.isEmpty() ? "" : ":       " + v));
            }
            out.append('\n');
        }
        resources(out, object(task, "Resources"));
        JsonArray networks = array(task, "Networks");
        if (!networks.isEmpty()) {
            out.append("\nNetworks:");
            for (JsonElement network : networks) {
                String target = text(network.getAsJsonObject(), "Target");
                out.append(' ').append(networkNames.getOrDefault(target, target));
            }
            out.append(' ');
        }
        out.append("\nEndpoint Mode:\t").append(text(spec, "EndpointSpec", "Mode"));
        JsonArray ports = array(object(service, "Endpoint"), "Ports");
        if (!ports.isEmpty()) {
            out.append("\nPorts:");
            for (JsonElement p : ports) {
                JsonObject port = p.getAsJsonObject();
                out.append("\n PublishedPort = ").append(number(port, "PublishedPort"))
                        .append("\n  Protocol = ").append(text(port, "Protocol"))
                        .append("\n  TargetPort = ").append(number(port, "TargetPort"))
                        .append("\n  PublishMode = ").append(text(port, "PublishMode"));
            }
            out.append(' ');
        }
        JsonObject health = object(container, "Healthcheck");
        if (health != null) {
            out.append("\n Healthcheck:\n  Interval = ").append(duration(health, "Interval"))
                    .append("\n  Retries = ").append(number(health, "Retries"))
                    .append("\n  StartPeriod =\t").append(duration(health, "StartPeriod"))
                    .append("\n  Timeout =\t").append(duration(health, "Timeout"));
            List<String> tests = strings(health, "Test");
            if (!tests.isEmpty()) {
                out.append("\n  Tests:");
                tests.forEach(t -> out.append("\n\t Test = ").append(t));
                out.append(' ');
            }
        }
        return out.append("\n\n").toString(); // the template's last line, and the line the CLI's formatter adds
    }

    private static void update(StringBuilder out, JsonObject config, String title, String orderLine) {
        if (config == null) {
            return;
        }
        out.append('\n').append(title).append("\n Parallelism:\t").append(number(config, "Parallelism"));
        if (!number(config, "Delay").equals("0")) {
            out.append("\n Delay:\t\t").append(duration(config, "Delay"));
        }
        out.append("\n On failure:\t").append(text(config, "FailureAction"));
        if (!number(config, "Monitor").equals("0")) {
            out.append("\n Monitoring Period: ").append(duration(config, "Monitor"));
        }
        String ratio = text(config, "MaxFailureRatio");
        out.append("\n Max failure ratio: ").append(ratio.isEmpty() ? "0"
                : GoFtoa.formatFloat((float) Double.parseDouble(ratio), 'g', -1));
        out.append(orderLine).append(text(config, "Order"));
    }

    private static void resources(StringBuilder out, JsonObject resources) {
        if (resources != null) {
            out.append("\nResources:");
            limits(out, object(resources, "Reservations"), "\n Reservations:");
            limits(out, object(resources, "Limits"), "\n Limits:");
        }
        String pids = resources == null ? "" : text(resources, "Limits", "Pids");
        if (!pids.isEmpty() && Long.parseLong(pids) > 0) {
            out.append("\n  PIDs:\t\t").append(pids);
        }
    }

    private static void limits(StringBuilder out, JsonObject limits, String title) {
        if (limits == null) {
            return;
        }
        long cpus = Long.parseLong(number(limits, "NanoCPUs"));
        long memory = Long.parseLong(number(limits, "MemoryBytes"));
        long pids = Long.parseLong(number(limits, "Pids"));
        if (cpus == 0 && memory == 0 && (title.contains("Reservations") || pids == 0)) {
            return;
        }
        out.append(title);
        if (cpus > 0) {
            out.append("\n  CPU:\t\t").append(GoFtoa.formatFloat(cpus / 1e9, 'g', -1));
        }
        if (memory > 0) {
            out.append("\n  Memory:\t").append(GoText.binarySize(memory));
        }
    }

    private static void references(StringBuilder out, String title, JsonArray references, String nameField) {
        if (references.isEmpty()) {
            return;
        }
        out.append('\n').append(title);
        for (JsonElement r : references) {
            JsonObject reference = r.getAsJsonObject();
            out.append("\n Target:\t").append(text(reference, "File", "Name")).append("\n  Source:\t")
                    .append(text(reference, nameField));
        }
    }

    private static void appendIf(StringBuilder out, String label, String value) {
        if (!value.isEmpty()) {
            out.append(label).append(value);
        }
    }

    /** Go's %v of a []string: "[a b]". */
    private static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    private static String ago(String time, Instant now) {
        return GoText.humanDuration(Duration.between(Instant.parse(time), now)) + " ago";
    }

    private static String duration(JsonObject object, String field) {
        return GoTime.formatDuration(Long.parseLong(number(object, field)));
    }

    private static String number(JsonObject object, String field) {
        String value = text(object, field);
        return value.isEmpty() ? "0" : value;
    }

    private static String text(JsonObject object, String... path) {
        return object == null ? "" : NodeFields.text(object, path);
    }

    private static List<String> strings(JsonObject object, String... path) {
        List<String> values = new ArrayList<>();
        JsonObject at = path.length == 1 ? object : object(object, java.util.Arrays.copyOf(path, path.length - 1));
        array(at, path[path.length - 1]).forEach(v -> values.add(v.getAsString()));
        return values;
    }

    private static JsonArray array(JsonObject object, String field) {
        return object != null && object.has(field) && object.get(field).isJsonArray() ? object.getAsJsonArray(field)
                : new JsonArray();
    }

    private static JsonObject object(JsonObject object, String... path) {
        return JsonFields.object(object, path);
    }
}
