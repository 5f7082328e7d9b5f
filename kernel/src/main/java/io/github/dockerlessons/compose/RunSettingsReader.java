package io.github.dockerlessons.compose;

import io.github.dockerlessons.golang.GoTime;
import io.github.dockerlessons.golang.Units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the service keys that say how its container runs ({@code healthcheck}, {@code profiles},
 * {@code extra_hosts}, {@code network_mode}, {@code logging}, {@code ulimits}, {@code cap_add},
 * {@code cap_drop}, {@code deploy.resources}) into {@link ComposeProject.RunSettings}, as compose-go
 * reads them: a string test is CMD-SHELL, extra hosts HOST:IP or HOST=IP or a mapping, a ulimit one
 * number or soft and hard. What {@code deploy} has beyond resource limits is an error at its line.
 */
final class RunSettingsReader {
    static final Set<String> KEYS = Set.of("healthcheck", "profiles", "extra_hosts", "network_mode", "logging",
            "ulimits", "cap_add", "cap_drop", "deploy", "secrets", "configs");
    private static final Set<String> FILE_MOUNT = Set.of("source", "target");
    private static final Set<String> HEALTHCHECK = Set.of("test", "interval", "timeout", "retries", "start_period",
            "disable");
    private static final Set<String> LOGGING = Set.of("driver", "options");
    private static final Set<String> DEPLOY = Set.of("resources");
    private static final Set<String> RESOURCES = Set.of("limits", "reservations");
    private static final Set<String> LIMITS = Set.of("cpus", "memory");
    private static final Set<String> RESERVATIONS = Set.of("memory");

    private final ProjectReader reader;
    private final String file;

    RunSettingsReader(ProjectReader reader, String file) {
        this.reader = reader;
        this.file = file;
    }

    ComposeProject.RunSettings read(YamlNode.Mapping node, String path) throws ComposeFileError {
        if (KEYS.stream().noneMatch(node::has)) {
            return ComposeProject.RunSettings.NONE;
        }
        String networkMode = ProjectReader.text(node.get("network_mode"));
        if (networkMode != null && node.has("networks")) {
            throw new ComposeFileError("service " + path.substring("services.".length())
                    + " declares mutually exclusive `network_mode` and `networks`: invalid compose project", file,
                    node.get("network_mode").position());
        }
        Map<String, ComposeProject.Ulimit> ulimits = new LinkedHashMap<>();
        if (node.get("ulimits") instanceof YamlNode.Mapping map) {
            for (YamlNode.Entry entry : map.entries().values()) {
                ulimits.put(entry.key(), ulimit(entry.value(), path + ".ulimits." + entry.key()));
            }
        }
        return new ComposeProject.RunSettings(healthcheck(node.get("healthcheck"), path + ".healthcheck"),
                ProjectReader.strings(node.get("profiles")), extraHosts(node.get("extra_hosts")), networkMode,
                logging(node.get("logging"), path + ".logging"), ulimits, ProjectReader.strings(node.get("cap_add")),
                ProjectReader.strings(node.get("cap_drop")),
                reader.swarm() ? null : resources(node.get("deploy"), path + ".deploy"),
                fileMounts(node.get("secrets"), path + ".secrets"), fileMounts(node.get("configs"), path + ".configs"),
                reader.swarm() ? new SwarmDeployReader(reader, this).read(node.get("deploy"), path + ".deploy")
                        : SwarmDeploy.NONE);
    }

    /** secrets: / configs: of a service, short (the key) or long (source and target; uid, gid and mode refused). */
    private List<ComposeProject.FileMount> fileMounts(YamlNode node, String path) throws ComposeFileError {
        List<ComposeProject.FileMount> mounts = new ArrayList<>();
        if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Mapping m) {
                    reader.supported(m, FILE_MOUNT, path);
                    mounts.add(new ComposeProject.FileMount(ProjectReader.text(m.get("source")),
                            ProjectReader.text(m.get("target"))));
                } else {
                    mounts.add(new ComposeProject.FileMount(ProjectReader.text(item), null));
                }
            }
        }
        return mounts;
    }

    private ComposeProject.Healthcheck healthcheck(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping map)) {
            return null;
        }
        reader.supported(map, HEALTHCHECK, path);
        boolean disable = ProjectReader.bool(map.get("disable"), false);
        List<String> test = null;
        YamlNode given = map.get("test");
        if (given instanceof YamlNode.Sequence) {
            test = ProjectReader.strings(given);
        } else if (ProjectReader.text(given) != null) {
            test = List.of("CMD-SHELL", ProjectReader.text(given));
        }
        if (disable && test != null) {
            throw new ComposeFileError("healthcheck.test and healthcheck.disable can't be set at the same time", file,
                    map.position());
        }
        if (test != null && !test.isEmpty() && test.get(0).equals("NONE")) {
            disable = true;
            test = null;
        }
        Long retries = parsed(map.get("retries"), path + ".retries", RunSettingsReader::integer);
        return new ComposeProject.Healthcheck(test, nanos(map.get("interval"), path + ".interval"),
                nanos(map.get("timeout"), path + ".timeout"),
                retries == null ? null : retries.intValue(),
                nanos(map.get("start_period"), path + ".start_period"), disable);
    }

    /** HOST=IP for each: compose-go takes HOST=IP, HOST:IP and a mapping of HOST: IP. */
    private static List<String> extraHosts(YamlNode node) {
        List<String> hosts = new ArrayList<>();
        if (node instanceof YamlNode.Mapping map) {
            ProjectReader.dict(map).forEach((host, ip) -> hosts.add(host + "=" + ip));
            return hosts;
        }
        for (String entry : ProjectReader.strings(node)) {
            int eq = entry.indexOf('=');
            int colon = entry.indexOf(':');
            int at = eq >= 0 ? eq : colon;
            hosts.add(at < 0 ? entry : entry.substring(0, at) + "=" + entry.substring(at + 1));
        }
        return hosts;
    }

    private ComposeProject.Logging logging(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping map)) {
            return null;
        }
        reader.supported(map, LOGGING, path);
        return new ComposeProject.Logging(ProjectReader.text(map.get("driver")), ProjectReader.dict(map.get("options")));
    }

    private ComposeProject.Ulimit ulimit(YamlNode node, String path) throws ComposeFileError {
        if (node instanceof YamlNode.Mapping map) {
            reader.supported(map, Set.of("soft", "hard"), path);
            return new ComposeProject.Ulimit(null, parsed(map.get("soft"), path + ".soft", RunSettingsReader::integer),
                    parsed(map.get("hard"), path + ".hard", RunSettingsReader::integer));
        }
        return new ComposeProject.Ulimit(parsed(node, path, RunSettingsReader::integer), null, null);
    }

    private ComposeProject.Resources resources(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping deploy)) {
            return null;
        }
        reader.supported(deploy, DEPLOY, path);
        if (!(deploy.get("resources") instanceof YamlNode.Mapping resources)) {
            return null;
        }
        reader.supported(resources, RESOURCES, path + ".resources");
        String cpus = null;
        Long memory = null;
        Long reserved = null;
        if (resources.get("limits") instanceof YamlNode.Mapping limits) {
            reader.supported(limits, LIMITS, path + ".resources.limits");
            cpus = ProjectReader.text(limits.get("cpus"));
            memory = bytes(limits.get("memory"), path + ".resources.limits.memory");
        }
        if (resources.get("reservations") instanceof YamlNode.Mapping reservations) {
            reader.supported(reservations, RESERVATIONS, path + ".resources.reservations");
            reserved = bytes(reservations.get("memory"), path + ".resources.reservations.memory");
        }
        return new ComposeProject.Resources(cpus, memory, reserved);
    }

    /** A value read by go-units or Go's time package; their error words after the key's path. */
    private interface Parser {
        long parse(String text) throws Exception;
    }

    Long integer(YamlNode node, String path) throws ComposeFileError {
        return parsed(node, path, RunSettingsReader::integer);
    }

    Long bytes(YamlNode node, String path) throws ComposeFileError {
        return parsed(node, path, Units::ramInBytes);
    }

    Long nanos(YamlNode node, String path) throws ComposeFileError {
        return parsed(node, path, GoTime::parseDuration);
    }

    private Long parsed(YamlNode node, String path, Parser parser) throws ComposeFileError {
        String text = ProjectReader.text(node);
        if (text == null) {
            return null;
        }
        try {
            return parser.parse(text);
        } catch (Exception e) { // go-units', Go's time or integer's words, each ready to show
            throw new ComposeFileError(path + ": " + e.getMessage(), file, node.position());
        }
    }

    /** A whole number, as compose-go's integer fields take it; 2.5 or "x" is an error with the key's path. */
    private static long integer(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid integer: " + text);
        }
    }
}
