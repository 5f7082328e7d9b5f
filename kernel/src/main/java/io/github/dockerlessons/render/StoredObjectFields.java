package io.github.dockerlessons.render;

import com.google.gson.JsonObject;
import io.github.dockerlessons.golang.GoText;

import java.time.Instant;
import java.util.Map;

/**
 * A row of {@code docker secret ls} or {@code docker config ls} (docker/cli's secretContext and
 * configContext): ID, Name, Driver (secrets only), CreatedAt and UpdatedAt ("5 minutes ago"), Labels
 * and Label.
 */
public final class StoredObjectFields {
    public static final String SECRET_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}";
    public static final String CONFIG_TABLE = "table {{.ID}}\t{{.Name}}\t{{.CreatedAt}}\t{{.UpdatedAt}}";
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "ID"), Map.entry("Name", "NAME"), Map.entry("Driver", "DRIVER"),
            Map.entry("CreatedAt", "CREATED"), Map.entry("UpdatedAt", "UPDATED"), Map.entry("Labels", "LABELS"));

    private StoredObjectFields() {
    }

    /** A secret ({@code secret} true) or a config of the engine's list. */
    public static FieldContext of(JsonObject object, boolean secret, Instant now) {
        Map<String, String> labels = JsonFields.labels(spec(object).get("Labels"));
        FieldContext fields = new FieldContext(secret ? "secret.secretContext" : "config.configContext", HEADERS, labels)
                .put("ID", () -> JsonFields.text(object, "ID"))
                .put("Name", () -> JsonFields.text(spec(object), "Name"));
        if (secret) {
            fields.put("Driver", () -> NodeFields.text(object, "Spec", "Driver", "Name"));
        }
        return fields
                .put("CreatedAt", () -> ago(JsonFields.text(object, "CreatedAt"), now))
                .put("UpdatedAt", () -> ago(JsonFields.text(object, "UpdatedAt"), now))
                .put("Labels", () -> JsonFields.joined(labels));
    }

    public static FieldContext empty(boolean secret) {
        return of(new JsonObject(), secret, Instant.EPOCH);
    }

    private static JsonObject spec(JsonObject object) {
        return object.has("Spec") && object.get("Spec").isJsonObject() ? object.getAsJsonObject("Spec") : new JsonObject();
    }

    private static String ago(String time, Instant now) {
        return GoText.humanDuration(TaskFields.since(time, now)) + " ago";
    }
}
