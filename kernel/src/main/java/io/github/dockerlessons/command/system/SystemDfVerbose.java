package io.github.dockerlessons.command.system;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code docker system df -v}: each kind's own table under its heading, as docker/cli's verboseWriteTable
 * prints them: an image by its first tag with its shared and unique sizes, a container by its writable
 * layer only, a volume by its links and size, then the build cache.
 */
final class SystemDfVerbose {
    private SystemDfVerbose() {
    }

    static String text(JsonObject df, Instant now) {
        StringBuilder out = new StringBuilder("Images space usage:\n\n").append(images(df, now).toText());
        out.append("\nContainers space usage:\n\n").append(containers(df, now).toText());
        out.append("\nLocal Volumes space usage:\n\n").append(volumes(df).toText());
        long cacheSize = 0;
        for (JsonElement e : list(df, "BuildCache")) {
            cacheSize += e.getAsJsonObject().get("Size").getAsLong();
        }
        out.append("\nBuild cache usage: ").append(GoText.humanSize(cacheSize, 4)).append("\n\n");
        return out.append(buildCache(df, now).toText()).toString();
    }

    private static Table images(JsonObject df, Instant now) {
        Table table = new Table(columns("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE", "UNIQUE SIZE",
                "CONTAINERS"), -1);
        for (JsonElement e : list(df, "Images")) {
            JsonObject image = e.getAsJsonObject();
            String repository = "<none>";
            String tag = "<none>";
            List<JsonElement> tags = list(image, "RepoTags");
            String first = tags.isEmpty() ? "<none>:<none>" : tags.get(0).getAsString();
            int colon = first.lastIndexOf(':');
            if (!first.equals("<none>:<none>") && colon > first.lastIndexOf('/')) { // only the first tag, as the CLI
                repository = familiar(first.substring(0, colon));
                tag = first.substring(colon + 1);
            }
            long size = image.get("Size").getAsLong();
            long shared = image.has("SharedSize") ? image.get("SharedSize").getAsLong() : -1;
            table.add(new Table.Row(List.of(repository, tag, ContainerTable.id(image.get("Id").getAsString(), true),
                    ContainerTable.created(image.get("Created").getAsLong(), now), GoText.humanSize(size, 3),
                    shared == -1 ? "N/A" : GoText.humanSize(shared, 4),
                    shared == -1 ? "N/A" : GoText.humanSize(size - shared, 4),
                    Long.toString(image.get("Containers").getAsLong())), null));
        }
        return table;
    }

    private static Table containers(JsonObject df, Instant now) {
        Table table = new Table(columns("CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS",
                "NAMES"), 6);
        for (JsonElement e : list(df, "Containers")) {
            JsonObject c = e.getAsJsonObject();
            long volumes = list(c, "Mounts").stream()
                    .filter(m -> "volume".equals(string(m.getAsJsonObject(), "Type"))).count();
            List<String> names = new ArrayList<>();
            list(c, "Names").forEach(n -> names.add(n.getAsString()));
            table.add(new Table.Row(List.of(ContainerTable.id(c.get("Id").getAsString(), true),
                    ContainerTable.image(string(c, "Image"), string(c, "ImageID"), true),
                    ContainerTable.command(string(c, "Command"), true), Long.toString(volumes),
                    GoText.humanSize(c.has("SizeRw") ? c.get("SizeRw").getAsLong() : 0, 3),
                    ContainerTable.created(c.get("Created").getAsLong(), now), string(c, "Status"),
                    ContainerTable.names(names.toArray(String[]::new), true)), string(c, "State")));
        }
        return table;
    }

    private static Table volumes(JsonObject df) {
        Table table = new Table(columns("VOLUME NAME", "LINKS", "SIZE"), -1);
        for (JsonElement e : list(df, "Volumes")) {
            JsonObject volume = e.getAsJsonObject();
            JsonElement usage = volume.get("UsageData");
            boolean known = usage != null && usage.isJsonObject();
            table.add(new Table.Row(List.of(string(volume, "Name"),
                    known ? Long.toString(usage.getAsJsonObject().get("RefCount").getAsLong()) : "N/A",
                    known ? GoText.humanSize(usage.getAsJsonObject().get("Size").getAsLong(), 4) : "N/A"), null));
        }
        return table;
    }

    /** The cache records as the CLI sorts them: shared ones last, then the most recently used first. */
    private static Table buildCache(JsonObject df, Instant now) {
        Table table = new Table(columns("CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"), -1);
        List<JsonObject> records = new ArrayList<>();
        list(df, "BuildCache").forEach(e -> records.add(e.getAsJsonObject()));
        records.sort(Comparator.comparing((JsonObject r) -> r.has("Shared") && r.get("Shared").getAsBoolean())
                .thenComparing(r -> string(r, "LastUsedAt"), Comparator.reverseOrder()));
        for (JsonObject r : records) {
            table.add(new Table.Row(List.of(ContainerTable.id(string(r, "ID"), true), string(r, "Type"),
                    GoText.humanSize(r.get("Size").getAsLong(), 4), since(string(r, "CreatedAt"), now),
                    since(string(r, "LastUsedAt"), now), Long.toString(r.has("UsageCount") ? r.get("UsageCount").getAsLong() : 0),
                    Boolean.toString(r.has("Shared") && r.get("Shared").getAsBoolean())), null));
        }
        return table;
    }

    private static String since(String rfc3339, Instant now) {
        if (rfc3339.isEmpty()) {
            return "";
        }
        return ContainerTable.created(OffsetDateTime.parse(rfc3339).toEpochSecond(), now);
    }

    /** reference.FamiliarName: Docker Hub's official images without their docker.io/library/ prefix. */
    private static String familiar(String name) {
        if (name.startsWith("docker.io/library/")) {
            return name.substring("docker.io/library/".length());
        }
        return name.startsWith("docker.io/") ? name.substring("docker.io/".length()) : name;
    }

    private static List<Table.Column> columns(String... headers) {
        List<Table.Column> columns = new ArrayList<>();
        for (String header : headers) {
            columns.add(new Table.Column(header, header.endsWith("ID") || header.equals("COMMAND")));
        }
        return columns;
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    private static List<JsonElement> list(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || !value.isJsonArray() ? List.of() : ((JsonArray) value).asList();
    }
}
