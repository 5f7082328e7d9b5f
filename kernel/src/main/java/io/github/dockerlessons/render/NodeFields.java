package io.github.dockerlessons.render;

import com.google.gson.JsonObject;

import java.util.Locale;
import java.util.Map;

/**
 * A row of {@code docker node ls} as its templates see it (docker/cli's nodeContext): ID, Self,
 * Hostname, Status, Availability, ManagerStatus ("Leader", else the reachability), EngineVersion,
 * TLSStatus.
 */
public final class NodeFields {
    public static final String DEFAULT_TABLE = "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}"
            + "\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}";
    private static final String TYPE = "node.nodeContext";
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "ID"), Map.entry("Self", ""), Map.entry("Hostname", "HOSTNAME"),
            Map.entry("Status", "STATUS"), Map.entry("Availability", "AVAILABILITY"),
            Map.entry("ManagerStatus", "MANAGER STATUS"), Map.entry("EngineVersion", "ENGINE VERSION"),
            Map.entry("TLSStatus", "TLS STATUS"));

    private NodeFields() {
    }

    /** One node of {@code GET /nodes}; {@code selfId} is the engine's own node ID (from /info). */
    public static FieldContext of(JsonObject node, String selfId, String clusterTrustRoot) {
        return new FieldContext(TYPE, HEADERS, null)
                .put("ID", () -> JsonFields.text(node, "ID"))
                .putValue("Self", () -> !selfId.isEmpty() && JsonFields.text(node, "ID").equals(selfId))
                .put("Hostname", () -> text(node, "Description", "Hostname"))
                .put("Status", () -> prettyPrint(text(node, "Status", "State")))
                .put("Availability", () -> prettyPrint(text(node, "Spec", "Availability")))
                .put("ManagerStatus", () -> managerStatus(node))
                .put("EngineVersion", () -> text(node, "Description", "Engine", "EngineVersion"))
                .put("TLSStatus", () -> tlsStatus(node, clusterTrustRoot));
    }

    /** The context the header row comes from. */
    public static FieldContext empty() {
        return of(new JsonObject(), "", "");
    }

    private static String managerStatus(JsonObject node) {
        JsonObject manager = node.has("ManagerStatus") && node.get("ManagerStatus").isJsonObject()
                ? node.getAsJsonObject("ManagerStatus") : null;
        if (manager == null) {
            return "";
        }
        boolean leader = manager.has("Leader") && manager.get("Leader").getAsBoolean();
        return prettyPrint(leader ? "Leader" : JsonFields.text(manager, "Reachability"));
    }

    private static String tlsStatus(JsonObject node, String clusterTrustRoot) {
        String own = text(node, "Description", "TLSInfo", "TrustRoot");
        if (clusterTrustRoot.isEmpty() || own.isEmpty()) {
            return "Unknown";
        }
        return own.equals(clusterTrustRoot) ? "Ready" : "Needs Rotation";
    }

    /** The CLI's formatter.PrettyPrint: the first letter upper case ("ready" is "Ready"). */
    public static String prettyPrint(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    /** A string down a path of objects, "" when a step is missing. */
    static String text(JsonObject object, String... path) {
        JsonObject at = object;
        for (int i = 0; i < path.length - 1; i++) {
            if (at == null || !at.has(path[i]) || !at.get(path[i]).isJsonObject()) {
                return "";
            }
            at = at.getAsJsonObject(path[i]);
        }
        return at == null ? "" : JsonFields.text(at, path[path.length - 1]);
    }
}
