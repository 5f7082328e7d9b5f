package io.github.dockerlessons.render;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.golang.GoQuote;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker ps}: the default table (CONTAINER ID, IMAGE, COMMAND, CREATED, STATUS, PORTS, NAMES)
 * and the column helpers, each formatted as docker/cli's container formatter does.
 */
public final class ContainerTable {
    private ContainerTable() {
    }

    /** {@code docker ps}' default table (or {@code --format}), as text and HTML. */
    public static Bundle bundle(List<ContainerSummary> containers, boolean truncate, boolean size, Instant now, String format)
            throws TemplateException {
        List<FieldContext> rows = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (ContainerSummary c : containers) {
            rows.add(ContainerFields.of(c, truncate, now));
            states.add(state(c));
        }
        String f = format;
        if (f == null || f.isEmpty() || f.equals("table")) {
            f = "table " + ContainerFields.DEFAULT_TABLE + (size ? "\\t{{.Size}}" : "");
        } else if (f.equals("raw")) {
            f = ContainerFields.RAW + (size ? "size: {{.Size}}\\n" : "");
        }
        return ListingFormat.render(f, rows, ContainerFields.empty(now), states);
    }

    /**
     * What ps does with a --format before it lists anything: parse it as given and run it over an
     * empty container ("failed to parse template: ...", "failed to execute template: ..."). True when
     * the template shows .Size, for which the CLI asks the engine for sizes.
     */
    public static boolean checkFormat(String format, Instant now) throws TemplateException {
        GoTemplate template;
        try {
            template = GoTemplate.parse(format);
        } catch (TemplateException e) {
            throw e.as("failed to parse template: ", 1);
        }
        FieldContext empty = ContainerFields.empty(now);
        try {
            template.execute(empty);
        } catch (TemplateException e) {
            throw e.as("failed to execute template: ", 1);
        }
        return empty.used().contains("Size");
    }

    /** docker's TruncateID: twelve characters without "sha256:"; untruncated, the ID as the engine gave it. */
    public static String id(String id, boolean truncate) {
        if (!truncate) {
            return id;
        }
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /**
     * The image as the container was created from it; truncated, an image given by ID prints as 12
     * characters and a reference loses its digest and docker.io prefix, as docker's Image() does.
     */
    public static String image(String image, String imageId, boolean truncate) {
        if (image == null || image.isEmpty()) {
            return "<no image>";
        }
        if (!truncate) {
            return image;
        }
        if (image.startsWith("sha256:") || image.matches("[0-9a-f]{64}")
                || imageId != null && id(imageId, true).equals(id(image, true))) {
            return id(image, true);
        }
        String reference = image;
        int at = reference.indexOf('@');
        if (at >= 0) {
            reference = reference.substring(0, at);
        }
        if (reference.startsWith("docker.io/library/")) {
            reference = reference.substring("docker.io/library/".length());
        } else if (reference.startsWith("docker.io/")) {
            reference = reference.substring("docker.io/".length());
        }
        return reference;
    }

    public static String command(String command, boolean truncate) {
        String text = nullToEmpty(command);
        return GoQuote.quote(truncate ? GoText.ellipsis(text, 20) : text);
    }

    public static String created(Long createdSeconds, Instant now) {
        if (createdSeconds == null) {
            return "";
        }
        return GoText.humanDuration(sinceUnix(createdSeconds, now)) + " ago";
    }

    /** Go's longest duration (292 years), at which time.Time's Sub stops. */
    private static final Duration GO_MAX = Duration.ofNanos(Long.MAX_VALUE);
    private static final Duration GO_MIN = Duration.ofNanos(Long.MIN_VALUE);
    /** Seconds from Go's time zero (year 1) to the Unix epoch, which time.Unix adds. */
    private static final long UNIX_TO_GO = 62_135_596_800L;

    /**
     * {@code now.Sub(time.Unix(seconds, 0))} as Go computes it: saturated at 292 years either way, so
     * that a time the engine gives far in the past or future reads "292 years ago", as in the CLI,
     * instead of failing (Instant ends at year one billion).
     */
    static Duration sinceUnix(long seconds, Instant now) {
        if (seconds > Long.MAX_VALUE - UNIX_TO_GO) {
            return GO_MAX; // Go's time.Unix wraps past int64 to a time long ago (the CLI: "292 years ago")
        }
        Duration since;
        try {
            since = Duration.between(Instant.ofEpochSecond(seconds), now);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return seconds > now.getEpochSecond() ? GO_MIN : GO_MAX;
        }
        return since.compareTo(GO_MAX) > 0 ? GO_MAX : since.compareTo(GO_MIN) < 0 ? GO_MIN : since;
    }

    /**
     * Names without the leading slash; truncated, only the first name that is no link (links have a
     * second slash), as docker's Names() does.
     */
    public static String names(String[] names, boolean truncate) {
        if (names == null) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            shown.add(name.startsWith("/") ? name.substring(1) : name);
        }
        if (truncate) {
            for (String name : shown) {
                if (!name.contains("/")) {
                    return name;
                }
            }
        }
        return String.join(",", shown);
    }

    /**
     * docker/cli's DisplayablePorts: ports published on the same port number are grouped into
     * ranges per host IP and protocol; others follow as single mappings.
     */
    public static String ports(ContainerSummary.Port[] ports) {
        if (ports == null || ports.length == 0) {
            return "";
        }
        List<ContainerSummary.Port> sorted = new ArrayList<>(Arrays.asList(ports));
        sorted.sort(Comparator.comparingInt((ContainerSummary.Port p) -> value(p.privatePort()))
                .thenComparing(p -> nullToEmpty(p.ip()))
                .thenComparingInt(p -> value(p.publicPort()))
                .thenComparing(p -> nullToEmpty(p.type())));
        Map<String, int[]> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> hostMappings = new ArrayList<>();
        for (ContainerSummary.Port port : sorted) {
            int current = value(port.privatePort());
            String type = nullToEmpty(port.type());
            String key = type;
            String ip = nullToEmpty(port.ip());
            if (!ip.isEmpty()) {
                if (value(port.publicPort()) != current) {
                    hostMappings.add(joinHostPort(ip, Integer.toString(value(port.publicPort())))
                            + "->" + current + "/" + type);
                    continue;
                }
                key = ip + "/" + type;
            }
            int[] group = groups.get(key);
            if (group == null) {
                groups.put(key, new int[]{current, current});
            } else if (current == group[1] + 1) {
                group[1] = current;
            } else {
                result.add(formGroup(key, group[0], group[1]));
                groups.put(key, new int[]{current, current});
            }
        }
        groups.forEach((key, group) -> result.add(formGroup(key, group[0], group[1])));
        result.addAll(hostMappings);
        return String.join(", ", result);
    }

    private static String formGroup(String key, int first, int last) {
        int slash = key.lastIndexOf('/');
        String ip = slash >= 0 ? key.substring(0, slash) : "";
        String type = slash >= 0 ? key.substring(slash + 1) : key;
        String group = first == last ? Integer.toString(first) : first + "-" + last;
        if (!ip.isEmpty()) {
            group = joinHostPort(ip, group) + "->" + group;
        }
        return group + "/" + type;
    }

    /** Go's net.JoinHostPort: IPv6 addresses go in brackets. */
    private static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** The status cell's colour: running, paused, exited (or exited-error for a non-zero code), ... */
    static String state(ContainerSummary c) {
        String state = nullToEmpty(c.getState());
        if (state.equals("exited")) {
            String status = nullToEmpty(c.getStatus());
            return status.startsWith("Exited (0)") ? "exited" : "exited-error";
        }
        return state.isEmpty() ? null : state;
    }

    private static int value(Integer i) {
        return i == null ? 0 : i;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
