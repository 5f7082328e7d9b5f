package io.github.dockerlessons.render;

import io.github.dockerlessons.golang.GoText;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Map;

/**
 * A row of {@code docker volume ls} as its templates see it (docker/cli's volumeContext): Name, Driver,
 * Scope, Mountpoint, Labels, Label, and the fields a plain listing has no data for (Links, Size, Group,
 * Availability, Status), which the CLI prints as "N/A".
 */
public final class VolumeFields {
    public static final String DEFAULT_TABLE = "table {{.Driver}}\t{{.Name}}";
    private static final String TYPE = "formatter.volumeContext";
    private static final String NOT_AVAILABLE = "N/A";
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("Name", "VOLUME NAME"), Map.entry("Driver", "DRIVER"), Map.entry("Scope", "SCOPE"),
            Map.entry("Mountpoint", "MOUNTPOINT"), Map.entry("Labels", "LABELS"), Map.entry("Links", "LINKS"),
            Map.entry("Size", "SIZE"), Map.entry("Group", "GROUP"), Map.entry("Availability", "AVAILABILITY"),
            Map.entry("Status", "STATUS"));

    private VolumeFields() {
    }

    /** One volume of the engine's {@code GET /volumes} answer. */
    public static FieldContext of(JsonObject volume) {
        Map<String, String> labels = JsonFields.labels(volume.get("Labels"));
        return new FieldContext(TYPE, HEADERS, labels)
                .put("Name", () -> JsonFields.text(volume, "Name"))
                .put("Driver", () -> JsonFields.text(volume, "Driver"))
                .put("Scope", () -> JsonFields.text(volume, "Scope"))
                .put("Mountpoint", () -> JsonFields.text(volume, "Mountpoint"))
                .put("Labels", () -> JsonFields.joined(labels))
                .put("Links", () -> usage(volume, "RefCount", false))
                .put("Size", () -> usage(volume, "Size", true))
                .put("Group", () -> NOT_AVAILABLE)
                .put("Availability", () -> NOT_AVAILABLE)
                .put("Status", () -> NOT_AVAILABLE);
    }

    /** The context the header row comes from. */
    public static FieldContext empty() {
        return of(new JsonObject());
    }

    /** UsageData, which only {@code system df} fills: "N/A" otherwise, as the CLI. */
    private static String usage(JsonObject volume, String field, boolean size) {
        JsonElement usage = volume.get("UsageData");
        if (usage == null || !usage.isJsonObject() || !usage.getAsJsonObject().has(field)) {
            return NOT_AVAILABLE;
        }
        long value = usage.getAsJsonObject().get(field).getAsLong();
        return value < 0 ? NOT_AVAILABLE : size ? GoText.humanSize(value) : Long.toString(value);
    }
}
