package io.github.dockerlessons.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.golang.GoText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker node inspect --pretty}: docker/cli's nodeInspectPrettyTemplate written out, the same
 * lines and tabs (the CLI prints it without a tabwriter), map entries in key order as Go's template
 * ranges over a map.
 */
public final class NodePretty {
    private NodePretty() {
    }

    public static String of(JsonObject node) {
        StringBuilder out = new StringBuilder("ID:\t\t\t").append(JsonFields.text(node, "ID"));
        String name = NodeFields.text(node, "Spec", "Name");
        if (!name.isEmpty()) {
            out.append("\nName:\t\t\t").append(name);
        }
        labels(out, "Labels:", JsonFields.object(node, "Spec", "Labels"));
        out.append("\nHostname:              \t").append(NodeFields.text(node, "Description", "Hostname"));
        out.append("\nJoined at:             \t")
                .append(NetworkFields.goTimeString(JsonFields.text(node, "CreatedAt")).toLowerCase(Locale.ROOT));
        out.append("\nStatus:\n State:\t\t\t").append(NodeFields.prettyPrint(NodeFields.text(node, "Status", "State")));
        String message = NodeFields.text(node, "Status", "Message");
        if (!message.isEmpty()) {
            out.append("\n Message:              \t").append(NodeFields.prettyPrint(message));
        }
        out.append("\n Availability:         \t").append(NodeFields.prettyPrint(NodeFields.text(node, "Spec", "Availability")));
        String addr = NodeFields.text(node, "Status", "Addr");
        if (!addr.isEmpty()) {
            out.append("\n Address:\t\t").append(addr);
        }
        JsonObject manager = JsonFields.object(node, "ManagerStatus");
        if (manager != null) {
            out.append("\nManager Status:\n Address:\t\t").append(JsonFields.text(manager, "Addr"))
                    .append("\n Raft Status:\t\t").append(NodeFields.prettyPrint(JsonFields.text(manager, "Reachability")))
                    .append("\n Leader:\t\t").append(JsonFields.bool(manager, "Leader").equals("true") ? "Yes" : "No");
        }
        out.append("\nPlatform:\n Operating System:\t").append(NodeFields.text(node, "Description", "Platform", "OS"))
                .append("\n Architecture:\t\t").append(NodeFields.text(node, "Description", "Platform", "Architecture"));
        String cpus = NodeFields.text(node, "Description", "Resources", "NanoCPUs");
        String memory = NodeFields.text(node, "Description", "Resources", "MemoryBytes");
        out.append("\nResources:\n CPUs:\t\t\t").append(cpus.isEmpty() ? "0" : Long.toString(Long.parseLong(cpus) / 1_000_000_000L))
                .append("\n Memory:\t\t").append(memory.isEmpty() || memory.equals("0") ? "" : GoText.binarySize(Double.parseDouble(memory)));
        Map<String, List<String>> plugins = new TreeMap<>();
        JsonObject engine = JsonFields.object(node, "Description", "Engine");
        JsonElement pluginList = engine == null ? null : engine.get("Plugins");
        if (pluginList != null && pluginList.isJsonArray()) {
            pluginList.getAsJsonArray().forEach(p -> plugins.computeIfAbsent(JsonFields.text(p.getAsJsonObject(), "Type"),
                    k -> new ArrayList<>()).add(JsonFields.text(p.getAsJsonObject(), "Name")));
        }
        if (!plugins.isEmpty()) {
            out.append("\nPlugins:");
            plugins.forEach((type, names) -> out.append("\n ").append(type).append(":\t\t").append(String.join(", ", names)));
        }
        out.append("\nEngine Version:\t\t").append(NodeFields.text(node, "Description", "Engine", "EngineVersion"));
        labels(out, "Engine Labels:", engine == null ? null : JsonFields.object(engine, "Labels"));
        JsonObject tls = JsonFields.object(node, "Description", "TLSInfo");
        if (tls != null && !(JsonFields.text(tls, "TrustRoot").isEmpty() && JsonFields.text(tls, "CertIssuerSubject").isEmpty()
                && JsonFields.text(tls, "CertIssuerPublicKey").isEmpty())) {
            out.append("\nTLS Info:\n TrustRoot:\n").append(JsonFields.text(tls, "TrustRoot"))
                    .append("\n Issuer Subject:\t").append(JsonFields.text(tls, "CertIssuerSubject"))
                    .append("\n Issuer Public Key:\t").append(JsonFields.text(tls, "CertIssuerPublicKey"));
        }
        return out.append('\n').toString();
    }

    private static void labels(StringBuilder out, String title, JsonObject labels) {
        if (labels == null || labels.size() == 0) {
            return;
        }
        out.append('\n').append(title);
        new TreeMap<>(JsonFields.labels(labels)).forEach((k, v) -> out.append("\n - ").append(k)
                .append(v.isEmpty() ? "" : "=" + v));
    }
}
