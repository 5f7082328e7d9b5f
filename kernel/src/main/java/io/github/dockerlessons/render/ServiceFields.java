package io.github.dockerlessons.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code docker service ls} as its templates see it (docker/cli's serviceContext): ID (always
 * cut to 12), Name, Mode, Replicas (running/desired from the list's ServiceStatus), Image (without its
 * digest) and Ports (the ingress ports, consecutive ones as ranges).
 */
public final class ServiceFields {
    public static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}";
    private static final String TYPE = "service.serviceContext";
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "ID"), Map.entry("Name", "NAME"), Map.entry("Mode", "MODE"),
            Map.entry("Replicas", "REPLICAS"), Map.entry("Image", "IMAGE"), Map.entry("Ports", "PORTS"));

    private ServiceFields() {
    }

    public static FieldContext of(JsonObject service) {
        return new FieldContext(TYPE, HEADERS, null)
                .put("ID", () -> ContainerTable.id(JsonFields.text(service, "ID"), true))
                .put("Name", () -> NodeFields.text(service, "Spec", "Name"))
                .put("Mode", () -> mode(service))
                .put("Replicas", () -> replicas(service))
                .put("Image", () -> TaskFields.image(NodeFields.text(service, "Spec", "TaskTemplate", "ContainerSpec", "Image"), true))
                .put("Ports", () -> ports(service));
    }

    public static FieldContext empty() {
        return of(new JsonObject());
    }

    /** replicated, global, replicated job or global job. */
    public static String mode(JsonObject service) {
        JsonObject mode = JsonFields.object(service, "Spec", "Mode");
        if (mode == null) {
            return "";
        }
        if (mode.has("Global")) {
            return "global";
        }
        if (mode.has("Replicated")) {
            return "replicated";
        }
        if (mode.has("ReplicatedJob")) {
            return "replicated job";
        }
        return mode.has("GlobalJob") ? "global job" : "";
    }

    private static String replicas(JsonObject service) {
        long running = number(NodeFields.text(service, "ServiceStatus", "RunningTasks"));
        long desired = number(NodeFields.text(service, "ServiceStatus", "DesiredTasks"));
        long completed = number(NodeFields.text(service, "ServiceStatus", "CompletedTasks"));
        String mode = mode(service);
        if (mode.equals("replicated job")) {
            return running + "/" + desired + " (" + completed + "/"
                    + number(NodeFields.text(service, "Spec", "Mode", "ReplicatedJob", "TotalCompletions")) + " completed)";
        }
        if (mode.equals("global job")) {
            return running + "/" + desired + " (" + completed + "/" + (desired + completed) + " completed)";
        }
        long max = number(NodeFields.text(service, "Spec", "TaskTemplate", "Placement", "MaxReplicas"));
        if (mode.equals("replicated") && max > 0) {
            return running + "/" + desired + " (max " + max + " per node)";
        }
        return running + "/" + desired;
    }

    /** The CLI's Ports: ingress ports sorted by protocol then published port, consecutive ones joined. */
    private static String ports(JsonObject service) {
        JsonObject endpoint = JsonFields.object(service, "Endpoint");
        JsonElement given = endpoint == null ? null : endpoint.get("Ports");
        if (given == null || !given.isJsonArray()) {
            return "";
        }
        record Port(String protocol, long published, long target, String mode) {
        }
        List<Port> ports = new ArrayList<>();
        given.getAsJsonArray().forEach(p -> {
            JsonObject o = p.getAsJsonObject();
            ports.add(new Port(JsonFields.text(o, "Protocol"), number(JsonFields.text(o, "PublishedPort")),
                    number(JsonFields.text(o, "TargetPort")), JsonFields.text(o, "PublishMode")));
        });
        ports.sort(Comparator.comparing(Port::protocol).thenComparingLong(Port::published));
        List<String> text = new ArrayList<>();
        String protocol = "";
        long pStart = 0;
        long pEnd = 0;
        long tStart = 0;
        long tEnd = 0;
        for (Port p : ports) {
            if (!p.mode().equals("ingress")) {
                continue;
            }
            boolean isRange = tEnd != tStart;
            boolean overlaps = p.target() <= tEnd;
            if (!p.protocol().equals(protocol) || p.published() - pEnd > 1 || p.target() - tEnd > 1 || isRange && overlaps) {
                if (pStart > 0) {
                    text.add(range(pStart, pEnd, tStart, tEnd, protocol));
                }
                protocol = p.protocol();
                pStart = p.published();
                pEnd = p.published();
                tStart = p.target();
                tEnd = p.target();
                continue;
            }
            pEnd = p.published();
            tEnd = p.target();
        }
        if (pStart > 0) {
            text.add(range(pStart, pEnd, tStart, tEnd, protocol));
        }
        return String.join(", ", text);
    }

    private static String range(long pStart, long pEnd, long tStart, long tEnd, String protocol) {
        return pStart == pEnd ? "*:" + pStart + "->" + tStart + "/" + protocol
                : "*:" + pStart + "-" + pEnd + "->" + tStart + "-" + tEnd + "/" + protocol;
    }

    private static long number(String text) {
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
