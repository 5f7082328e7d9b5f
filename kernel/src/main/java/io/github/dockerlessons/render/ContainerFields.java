package io.github.dockerlessons.render;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.template.GoType;
import io.github.dockerlessons.render.template.GoValues;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * docker/cli's ContainerContext: the methods {@code docker ps --format} calls (ID, Names, Image,
 * Command, CreatedAt, RunningFor, Ports, State, Status, Size, Labels, Label, Mounts, LocalVolumes,
 * Networks, Platform), each returning what the CLI's does, and their column names.
 */
public final class ContainerFields {
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "CONTAINER ID"), Map.entry("Names", "NAMES"), Map.entry("Image", "IMAGE"),
            Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"),
            Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
            Map.entry("Size", "SIZE"), Map.entry("Labels", "LABELS"), Map.entry("Mounts", "MOUNTS"),
            Map.entry("LocalVolumes", "LOCAL VOLUMES"), Map.entry("Networks", "NETWORKS"),
            Map.entry("Platform", "PLATFORM"));

    private static final String TYPE = "formatter.ContainerContext";
    private static final GoType PLATFORM = GoType.pointer("formatter.Platform");

    /** Go's time.Time String() for a Unix time in the local zone. */
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z", Locale.ROOT);

    public static final String DEFAULT_TABLE =
            "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    /** docker's undocumented {@code --format raw}: one "key: value" block a container. */
    static final String RAW = """
            container_id: {{.ID}}
            image: {{.Image}}
            command: {{.Command}}
            created_at: {{.CreatedAt}}
            state: {{- pad .State 1 0}}
            status: {{- pad .Status 1 0}}
            names: {{.Names}}
            labels: {{- pad .Labels 1 0}}
            ports: {{- pad .Ports 1 0}}
            """;

    private ContainerFields() {
    }

    public static FieldContext of(ContainerSummary c, boolean truncate, Instant now) {
        FieldContext context = new FieldContext(TYPE, HEADERS, c.getLabels() == null ? Map.of() : c.getLabels());
        context.put("Command", () -> ContainerTable.command(c.getCommand(), truncate))
                .put("CreatedAt", () -> goTime(c.getCreated() == null ? 0L : c.getCreated()))
                .put("ID", () -> ContainerTable.id(c.getId() == null ? "" : c.getId(), truncate))
                .put("Image", () -> ContainerTable.image(c.getImage(), c.getImageId(), truncate))
                .put("Labels", () -> labels(c.getLabels()))
                .put("LocalVolumes", () -> Long.toString(localVolumes(c)))
                .put("Mounts", () -> mounts(c, truncate))
                .put("Names", () -> ContainerTable.names(c.getNames(), truncate))
                .put("Networks", () -> networks(c))
                .putValue("Platform", () -> new GoValues.Nil(PLATFORM, true))
                .put("Ports", () -> ContainerTable.ports(c.getPorts()))
                .put("RunningFor", () -> ContainerTable.created(c.getCreated() == null ? 0L : c.getCreated(), now))
                .put("Size", () -> size(c))
                .put("State", () -> c.getState() == null ? "" : c.getState())
                .put("Status", () -> c.getStatus() == null ? "" : c.getStatus());
        return context;
    }

    /** The context docker's formatter gets the header from, and ps checks a --format against. */
    public static FieldContext empty(Instant now) {
        return of(ContainerSummary.empty(), true, now);
    }

    /** A time the engine gives in seconds, as Go's time.Time prints it; "" past the years Java can hold. */
    public static String goTime(Long seconds) {
        if (seconds == null) {
            return "";
        }
        try {
            return Instant.ofEpochSecond(seconds).atZone(ZoneId.systemDefault()).format(GO_TIME);
        } catch (java.time.DateTimeException e) {
            return "";
        }
    }

    /** Labels as k=v, sorted, joined by commas. */
    private static String labels(Map<String, String> labels) {
        if (labels == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }

    private static long localVolumes(ContainerSummary c) {
        if (c.getMounts() == null) {
            return 0;
        }
        return c.getMounts().stream().filter(m -> "local".equals(m.driver())).count();
    }

    private static String mounts(ContainerSummary c, boolean truncate) {
        List<String> names = new ArrayList<>();
        if (c.getMounts() != null) {
            for (ContainerSummary.Mount m : c.getMounts()) {
                String name = m.name() != null && !m.name().isEmpty() ? m.name() : m.source();
                if (name == null) {
                    name = "";
                }
                names.add(truncate ? GoText.ellipsis(name, 15) : name);
            }
        }
        return String.join(",", names);
    }

    /** Network names; Go lists them in map order, which varies, so here they are sorted. */
    private static String networks(ContainerSummary c) {
        return String.join(",", new TreeSet<>(c.getNetworkNames()));
    }

    /** "0B" or "2B (virtual 1.98MB)", as the CLI's size column. */
    private static String size(ContainerSummary c) {
        long rw = c.getSizeRw() == null ? 0 : c.getSizeRw();
        long root = c.getSizeRootFs() == null ? 0 : c.getSizeRootFs();
        String text = GoText.humanSize(rw);
        if (root > 0) {
            text += " (virtual " + GoText.humanSize(root) + ")";
        }
        return text;
    }
}
