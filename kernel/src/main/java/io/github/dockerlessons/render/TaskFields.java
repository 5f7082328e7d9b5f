package io.github.dockerlessons.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.golang.GoText;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A row of {@code docker service ps} and {@code docker node ps} as their templates see it (docker/cli's
 * taskContext): ID, Name (the service's name and slot, indented under the newest task of its slot in a
 * table), Image (without its digest unless --no-trunc), Node (the node's hostname), DesiredState,
 * CurrentState ("Running 5 seconds ago"), Error (quoted, cut to 30) and Ports.
 */
public final class TaskFields {
    public static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}"
            + "\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}";
    private static final String TYPE = "task.taskContext";
    private static final int MAX_ERROR = 30;
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "ID"), Map.entry("Name", "NAME"), Map.entry("Image", "IMAGE"), Map.entry("Node", "NODE"),
            Map.entry("DesiredState", "DESIRED STATE"), Map.entry("CurrentState", "CURRENT STATE"),
            Map.entry("Error", "ERROR"), Map.entry("Ports", "PORTS"));

    private TaskFields() {
    }

    /** One task of {@code GET /tasks}, with the name and node the listing gives it. */
    public static FieldContext of(JsonObject task, String name, String node, boolean truncate, Instant now) {
        return new FieldContext(TYPE, HEADERS, null)
                .put("ID", () -> ContainerTable.id(JsonFields.text(task, "ID"), truncate))
                .put("Name", () -> name)
                .put("Image", () -> image(NodeFields.text(task, "Spec", "ContainerSpec", "Image"), truncate))
                .put("Node", () -> node)
                .put("DesiredState", () -> NodeFields.prettyPrint(JsonFields.text(task, "DesiredState")))
                .put("CurrentState", () -> NodeFields.prettyPrint(NodeFields.text(task, "Status", "State")) + " "
                        + GoText.humanDuration(since(NodeFields.text(task, "Status", "Timestamp"), now))
                        .toLowerCase(Locale.ROOT) + " ago")
                .put("Error", () -> error(NodeFields.text(task, "Status", "Err"), truncate))
                .put("Ports", () -> ports(task));
    }

    /** The context the header row comes from. */
    public static FieldContext empty() {
        return of(new JsonObject(), "", "", true, Instant.EPOCH);
    }

    /** An image as the table shows it: "busybox:latest@sha256:..." is "busybox:latest". */
    static String image(String image, boolean truncate) {
        int at = image.indexOf('@');
        if (!truncate || at < 0) {
            return image;
        }
        String named = image.substring(0, at);
        int slash = named.lastIndexOf('/');
        if (named.indexOf(':', slash + 1) < 0) {
            return image; // no tag: the reference stays as it is
        }
        for (String prefix : new String[] {"docker.io/library/", "docker.io/"}) {
            if (named.startsWith(prefix)) {
                return named.substring(prefix.length());
            }
        }
        return named;
    }

    private static String error(String error, boolean truncate) {
        String text = truncate ? GoText.ellipsis(error, MAX_ERROR) : error;
        return text.isEmpty() ? "" : "\"" + text + "\"";
    }

    private static String ports(JsonObject task) {
        JsonObject status = task.has("Status") && task.get("Status").isJsonObject() ? task.getAsJsonObject("Status") : null;
        JsonObject portStatus = status != null && status.has("PortStatus") && status.get("PortStatus").isJsonObject()
                ? status.getAsJsonObject("PortStatus") : null;
        JsonElement ports = portStatus == null ? null : portStatus.get("Ports");
        if (ports == null || !ports.isJsonArray()) {
            return "";
        }
        List<String> text = new ArrayList<>();
        ports.getAsJsonArray().forEach(p -> text.add("*:" + JsonFields.text(p.getAsJsonObject(), "PublishedPort") + "->"
                + JsonFields.text(p.getAsJsonObject(), "TargetPort") + "/" + JsonFields.text(p.getAsJsonObject(), "Protocol")));
        return String.join(",", text);
    }

    /** Time since an RFC 3339 timestamp; a missing one is Go's zero time, long ago. */
    static Duration since(String timestamp, Instant now) {
        Duration since;
        try {
            since = Duration.between(OffsetDateTime.parse(timestamp).toInstant(), now);
        } catch (DateTimeParseException e) {
            since = Duration.between(Instant.parse("0001-01-01T00:00:00Z"), now);
        }
        // Go's Time.Sub saturates at its largest Duration: a task without a time is "292 years ago".
        return since.compareTo(GO_MAX_DURATION) > 0 ? GO_MAX_DURATION : since;
    }

    private static final Duration GO_MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);
}
