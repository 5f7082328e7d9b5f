package io.github.dockerlessons.render;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerNetwork;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** docker/cli's ContainerContext: the fields {@code docker ps --format} knows, and their headers. */
public final class ContainerFields {
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("ID", "CONTAINER ID"), Map.entry("Names", "NAMES"), Map.entry("Image", "IMAGE"),
            Map.entry("Command", "COMMAND"), Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"),
            Map.entry("Ports", "PORTS"), Map.entry("State", "STATE"), Map.entry("Status", "STATUS"),
            Map.entry("Size", "SIZE"), Map.entry("Labels", "LABELS"), Map.entry("Mounts", "MOUNTS"),
            Map.entry("Networks", "NETWORKS"), Map.entry("LocalVolumes", "LOCAL VOLUMES"));

    /** Go's time.Time String() for a Unix time in the local zone. */
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z", Locale.ROOT);

    public static final String DEFAULT_TABLE =
            "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    private ContainerFields() {
    }

    public static FieldContext of(Container c, boolean truncate, boolean size, Instant now) {
        FieldContext context = new FieldContext(HEADERS, c.getLabels());
        context.put("Command", () -> ContainerTable.command(c.getCommand(), truncate))
                .put("CreatedAt", () -> goTime(c.getCreated()))
                .put("ID", () -> ContainerTable.id(c.getId(), truncate))
                .put("Image", () -> ContainerTable.image(c.getImage(), truncate))
                .put("Labels", () -> labels(c.getLabels()))
                .put("LocalVolumes", () -> Long.toString(localVolumes(c)))
                .put("Mounts", () -> mounts(c, truncate))
                .put("Names", () -> ContainerTable.names(c.getNames(), truncate))
                .put("Networks", () -> networks(c))
                .put("Ports", () -> ContainerTable.ports(c.getPorts()))
                .put("RunningFor", () -> ContainerTable.created(c.getCreated(), now))
                .put("Size", () -> size(c, size))
                .put("State", () -> c.getState() == null ? "" : c.getState())
                .put("Status", () -> c.getStatus() == null ? "" : c.getStatus());
        return context;
    }

    static String goTime(Long seconds) {
        if (seconds == null) {
            return "";
        }
        return Instant.ofEpochSecond(seconds).atZone(ZoneId.systemDefault()).format(GO_TIME);
    }

    private static String labels(Map<String, String> labels) {
        if (labels == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        labels.forEach((k, v) -> pairs.add(k + "=" + v));
        return String.join(",", pairs);
    }

    private static long localVolumes(Container c) {
        if (c.getMounts() == null) {
            return 0;
        }
        return c.getMounts().stream().filter(m -> "local".equals(m.getDriver())).count();
    }

    private static String mounts(Container c, boolean truncate) {
        List<String> names = new ArrayList<>();
        if (c.getMounts() != null) {
            for (ContainerMount m : c.getMounts()) {
                String name = m.getName() != null && !m.getName().isEmpty() ? m.getName() : m.getSource();
                if (name == null) {
                    continue;
                }
                names.add(truncate ? GoText.ellipsis(name, 15) : name);
            }
        }
        return String.join(",", names);
    }

    private static String networks(Container c) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return "";
        }
        Map<String, ContainerNetwork> networks = c.getNetworkSettings().getNetworks();
        return String.join(",", new java.util.TreeSet<>(networks.keySet()));
    }

    /** "0B" or "2B (virtual 1.98MB)", as the CLI's size column. */
    private static String size(Container c, boolean size) {
        long rw = c.getSizeRw() == null ? 0 : c.getSizeRw();
        long root = c.getSizeRootFs() == null ? 0 : c.getSizeRootFs();
        String text = GoText.humanSize(rw);
        if (root > 0) {
            text += " (virtual " + GoText.humanSize(root) + ")";
        }
        return text;
    }
}
