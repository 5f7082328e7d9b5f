package io.github.dockerlessons.render;

import com.google.gson.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A row of {@code docker network ls} as its templates see it (docker/cli's networkContext): ID (cut to
 * 12 unless --no-trunc), Name, Driver, Scope, IPv4, IPv6, Internal, Labels, Label and CreatedAt (Go's
 * time.String()).
 */
public final class NetworkFields {
    public static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
    private static final String TYPE = "network.networkContext";
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "NETWORK ID"), Map.entry("Name", "NAME"), Map.entry("Driver", "DRIVER"),
            Map.entry("Scope", "SCOPE"), Map.entry("IPv4", "IPV4"), Map.entry("IPv6", "IPV6"),
            Map.entry("Internal", "INTERNAL"), Map.entry("Labels", "LABELS"), Map.entry("CreatedAt", "CREATED AT"));
    private static final DateTimeFormatter GO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NetworkFields() {
    }

    /** One network of the engine's {@code GET /networks} answer. */
    public static FieldContext of(JsonObject network, boolean truncate) {
        Map<String, String> labels = JsonFields.labels(network.get("Labels"));
        return new FieldContext(TYPE, HEADERS, labels)
                .put("ID", () -> ContainerTable.id(JsonFields.text(network, "Id"), truncate))
                .put("Name", () -> JsonFields.text(network, "Name"))
                .put("Driver", () -> JsonFields.text(network, "Driver"))
                .put("Scope", () -> JsonFields.text(network, "Scope"))
                .put("IPv4", () -> JsonFields.bool(network, "EnableIPv4"))
                .put("IPv6", () -> JsonFields.bool(network, "EnableIPv6"))
                .put("Internal", () -> JsonFields.bool(network, "Internal"))
                .put("Labels", () -> JsonFields.joined(labels))
                .put("CreatedAt", () -> goTimeString(JsonFields.text(network, "Created")));
    }

    /** The context the header row comes from. */
    public static FieldContext empty() {
        return of(new JsonObject(), true);
    }

    /**
     * Go's time.Time.String() of an RFC 3339 time: "2006-01-02 15:04:05.999999999 -0700 MST", the
     * fraction without trailing zeros; a time in UTC is "+0000 UTC".
     */
    static String goTimeString(String rfc3339) {
        if (rfc3339.isEmpty()) {
            return "0001-01-01 00:00:00 +0000 UTC";
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
        StringBuilder text = new StringBuilder(time.format(GO_DATE_TIME));
        if (time.getNano() != 0) {
            text.append('.').append(String.format("%09d", time.getNano()).replaceFirst("0+$", ""));
        }
        ZoneOffset offset = time.getOffset();
        int minutes = offset.getTotalSeconds() / 60;
        text.append(' ').append(minutes < 0 ? '-' : '+')
                .append(String.format("%02d%02d", Math.abs(minutes) / 60, Math.abs(minutes) % 60));
        text.append(' ').append(offset.equals(ZoneOffset.UTC) ? "UTC" : offset.getId().replace(":", ""));
        return text.toString();
    }
}
