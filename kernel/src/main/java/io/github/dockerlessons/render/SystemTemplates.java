package io.github.dockerlessons.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.golang.TabWriter;
import io.github.dockerlessons.render.template.GoFunction;
import io.github.dockerlessons.render.template.GoMap;
import io.github.dockerlessons.render.template.GoSlice;
import io.github.dockerlessons.render.template.GoStruct;
import io.github.dockerlessons.render.template.GoStruct.Field;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.GoType;
import io.github.dockerlessons.render.template.GoValues;
import io.github.dockerlessons.render.template.TemplateException;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker version --format} and {@code docker info --format}: the values the CLI's templates
 * see ({@code system.versionInfo} with Client and Server, {@code system.dockerInfo}), and how the CLI
 * prints the result: "template parsing error: ..." with status 64 for a bad template; for a failing
 * one, what it wrote, a newline, then Go's error with status 1.
 */
public final class SystemTemplates {
    private static final DateTimeFormatter ANSIC = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);
    private static final GoType DETAILS = GoType.STRING_MAP;
    private static final GoType COMPONENT = GoType.struct("types.ComponentVersion");

    private SystemTemplates() {
    }

    /**
     * {@code docker version --format}: {@code client} holds the client's fields (Version, ApiVersion,
     * ...), {@code server} the engine's /version answer or null when there is no engine.
     */
    public static String version(String format, Map<String, String> client, JsonObject server)
            throws TemplateException {
        String text = format.equals("json") ? "{{json .}}" : format;
        GoFunction detailsOrder = GoFunction.of("getDetailsOrder", args -> detailsOrder((GoStruct) args.get(0)),
                COMPONENT);
        GoTemplate template;
        try {
            template = GoTemplate.parse("version", text, Map.of("getDetailsOrder", detailsOrder));
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 64);
        }
        GoStruct data = new GoStruct(GoType.struct("system.versionInfo"), List.of(
                Field.of("Client", clientVersion(client)),
                Field.of("Server", server == null ? new GoValues.Nil(GoType.pointer("types.Version")) : serverVersion(server))));
        TabWriter tabs = new TabWriter(20, 1);
        try {
            return tabs.format(template.execute(data) + "\n");
        } catch (TemplateException e) {
            throw new TemplateException(e.getMessage(), tabs.format(e.output() + "\n"), 1);
        }
    }

    /** {@code docker info --format} over the engine's /info answer. */
    public static String info(String format, JsonObject info) throws TemplateException {
        String text = format.equals("json") ? "{{json .}}" : format;
        GoTemplate template;
        try {
            template = GoTemplate.parse(text);
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 64);
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : info.entrySet()) {
            fields.add(Field.of(entry.getKey(), InspectValues.decode(entry.getValue())));
        }
        fields.add(Field.of("ClientInfo", new GoStruct(GoType.pointer("system.clientInfo"), List.of(
                Field.of("Debug", false), Field.of("Context", "default"),
                Field.of("Plugins", new GoSlice(GoType.slice(GoType.struct("pluginmanager.Plugin")), List.of())),
                Field.of("Warnings", GoSlice.nil(GoType.STRING_SLICE))))));
        GoStruct data = new GoStruct(GoType.struct("system.dockerInfo"), fields);
        try {
            return template.execute(data) + "\n";
        } catch (TemplateException e) {
            throw new TemplateException(e.getMessage(), e.output() + "\n", 1);
        }
    }

    private static GoStruct clientVersion(Map<String, String> client) {
        return new GoStruct(GoType.struct("system.clientVersion"), List.of(
                new Field("Platform", "Platform", true, new GoStruct(GoType.pointer("system.platformInfo"),
                        List.of(Field.of("Name", client.getOrDefault("Platform", ""))))),
                new Field("Version", "Version", true, client.getOrDefault("Version", "")),
                new Field("APIVersion", "ApiVersion", true, client.getOrDefault("ApiVersion", "")),
                new Field("DefaultAPIVersion", "DefaultAPIVersion", true, client.getOrDefault("DefaultAPIVersion", "")),
                new Field("GitCommit", "GitCommit", true, client.getOrDefault("GitCommit", "")),
                new Field("GoVersion", "GoVersion", true, client.getOrDefault("GoVersion", "")),
                new Field("Os", "Os", true, client.getOrDefault("Os", "")),
                new Field("Arch", "Arch", true, client.getOrDefault("Arch", "")),
                new Field("BuildTime", "BuildTime", true, client.getOrDefault("BuildTime", "")),
                new Field("Context", "Context", false, client.getOrDefault("Context", "default"))));
    }

    /** types.Version, with the Engine component's BuildTime in Go's ANSIC layout as the CLI shows it. */
    private static GoStruct serverVersion(JsonObject server) {
        List<Object> components = new ArrayList<>();
        if (server.has("Components") && server.get("Components").isJsonArray()) {
            for (JsonElement element : server.getAsJsonArray("Components")) {
                JsonObject component = element.getAsJsonObject();
                Map<String, Object> details = new LinkedHashMap<>();
                if (component.has("Details") && component.get("Details").isJsonObject()) {
                    component.getAsJsonObject("Details").entrySet().forEach(d -> details.put(d.getKey(),
                            d.getValue().isJsonNull() ? "" : d.getValue().getAsString()));
                }
                if (str(component, "Name").equals("Engine") && details.containsKey("BuildTime")) {
                    details.put("BuildTime", reformatDate((String) details.get("BuildTime")));
                }
                components.add(new GoStruct(COMPONENT, List.of(Field.of("Name", str(component, "Name")),
                        Field.of("Version", str(component, "Version")),
                        new Field("Details", "Details", true, GoMap.of(DETAILS, new TreeMap<>(details))))));
            }
        }
        JsonObject platform = server.has("Platform") && server.get("Platform").isJsonObject()
                ? server.getAsJsonObject("Platform") : new JsonObject();
        return new GoStruct(GoType.pointer("types.Version"), List.of(
                Field.of("Platform", new GoStruct(GoType.struct("struct { Name string }"),
                        List.of(Field.of("Name", str(platform, "Name"))))),
                new Field("Components", "Components", true, GoSlice.of(COMPONENT, components)),
                Field.of("Version", str(server, "Version")),
                new Field("APIVersion", "ApiVersion", false, str(server, "ApiVersion")),
                new Field("MinAPIVersion", "MinAPIVersion", true, str(server, "MinAPIVersion")),
                Field.of("GitCommit", str(server, "GitCommit")),
                Field.of("GoVersion", str(server, "GoVersion")),
                Field.of("Os", str(server, "Os")),
                Field.of("Arch", str(server, "Arch")),
                new Field("KernelVersion", "KernelVersion", true, str(server, "KernelVersion")),
                new Field("Experimental", "Experimental", true,
                        server.has("Experimental") && server.get("Experimental").getAsBoolean()),
                new Field("BuildTime", "BuildTime", true, str(server, "BuildTime"))));
    }

    private static GoSlice detailsOrder(GoStruct component) {
        GoStruct.Field details = component.field("Details");
        List<String> keys = details != null && details.value() instanceof GoMap m ? m.sortedKeys() : List.of();
        return GoSlice.strings(keys);
    }

    /** The CLI's reformatDate: an RFC 3339 time in Go's ANSIC layout, local time. */
    static String reformatDate(String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339).atZoneSameInstant(ZoneId.systemDefault()).format(ANSIC);
        } catch (DateTimeParseException e) {
            return rfc3339;
        }
    }

    private static String str(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}
