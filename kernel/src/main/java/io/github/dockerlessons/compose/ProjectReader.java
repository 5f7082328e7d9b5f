package io.github.dockerlessons.compose;

import io.github.dockerlessons.golang.GoTime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a checked Compose document (it fits the Compose schema) into a {@link ComposeProject}, the
 * way compose-go does: short and long syntaxes of ports, volumes, environment and depends_on, paths
 * made absolute against the project folder, env_file read in, and the implicit default network. Keys
 * the specification has but this kernel does not carry out are an error at their line, never
 * silently ignored; references to undefined services, networks and volumes and depends_on cycles are
 * errors in compose-go's words.
 */
final class ProjectReader {
    private static final Set<String> TOP_LEVEL = Set.of("version", "name", "services", "networks", "volumes", "secrets",
            "configs");
    private static final Set<String> FILE_OBJECT = Set.of("name", "file");
    private static final Set<String> SERVICE = Set.of("image", "build", "ports", "volumes", "environment", "env_file",
            "depends_on", "command", "entrypoint", "networks", "working_dir", "restart", "container_name", "hostname",
            "labels", "tty", "stdin_open", "user", "expose", "stop_signal", "stop_grace_period", "init", "pull_policy");
    private static final Set<String> BUILD = Set.of("context", "dockerfile", "args");
    private static final Set<String> NETWORK = Set.of("name", "driver", "driver_opts", "external", "labels", "internal",
            "attachable");
    private static final Set<String> VOLUME = Set.of("name", "driver", "driver_opts", "external", "labels");
    private static final Set<String> PORT = Set.of("target", "published", "host_ip", "protocol", "mode", "name");
    private static final Set<String> MOUNT = Set.of("type", "source", "target", "read_only", "bind", "volume");
    private static final Set<String> SERVICE_NETWORK = Set.of("aliases");
    private static final Set<String> DEPENDENCY = Set.of("condition", "restart", "required");

    private final String file;
    private final Path workingDir;
    private final Map<String, String> environment;
    private final Set<String> profiles;

    /**
     * @param profiles the profiles enabled (--profile, else COMPOSE_PROFILES); "*" enables every one
     * @param targets  services the command names: Compose enables their profiles too
     */
    ProjectReader(String file, Path workingDir, Map<String, String> environment, Set<String> profiles,
                  List<String> targets, boolean swarm) {
        this.swarm = swarm;
        this.file = file;
        this.workingDir = workingDir;
        this.environment = environment;
        this.profiles = new java.util.HashSet<>(profiles);
        this.targets = targets;
    }

    private final List<String> targets;
    /** For docker stack deploy: deploy: is read whole ({@link SwarmDeployReader}). */
    private final boolean swarm;

    boolean swarm() {
        return swarm;
    }

    String file() {
        return file;
    }

    ComposeProject read(String projectName, YamlNode.Mapping root, List<Path> files) throws ComposeFileError {
        supported(root, TOP_LEVEL, "");
        List<ComposeProject.Service> all = new ArrayList<>();
        YamlNode servicesNode = root.get("services");
        if (servicesNode instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                ComposeProject.Service service = service(entry.key(), (YamlNode.Mapping) entry.value());
                all.add(service);
                if (targets.contains(service.name())) {
                    profiles.addAll(service.settings().profiles());
                }
            }
        }
        Map<String, ComposeProject.Service> services = new LinkedHashMap<>();
        for (ComposeProject.Service service : all) {
            if (enabled(service)) {
                services.put(service.name(), service);
            }
        }
        Map<String, ComposeProject.Network> networks = new LinkedHashMap<>();
        boolean needsDefault = services.values().stream().anyMatch(s -> s.networks().isEmpty()
                && s.settings().networkMode() == null);
        YamlNode networksNode = root.get("networks");
        if (needsDefault && !(networksNode instanceof YamlNode.Mapping m && m.has("default"))) {
            networks.put("default", new ComposeProject.Network("default", projectName + "_default", null, false,
                    false, false, Map.of(), Map.of()));
        }
        if (networksNode instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                networks.put(entry.key(), network(projectName, entry.key(), entry.value()));
            }
        }
        Map<String, ComposeProject.Volume> volumes = new LinkedHashMap<>();
        if (root.get("volumes") instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                volumes.put(entry.key(), volume(projectName, entry.key(), entry.value()));
            }
        }
        ComposeProject project = new ComposeProject(projectName, workingDir, files, services, networks, volumes,
                environment, fileObjects(projectName, root, "secrets"), fileObjects(projectName, root, "configs"));
        ProjectReferences.check(project, root, file);
        DependencyOrder.checkCycles(project);
        return project;
    }

    /** A service with profiles is in the project only when one of them is enabled (compose-go's profiles). */
    private boolean enabled(ComposeProject.Service service) {
        List<String> own = service.settings().profiles();
        return own.isEmpty() || profiles.contains("*") || own.stream().anyMatch(profiles::contains);
    }

    void supported(YamlNode.Mapping mapping, Set<String> keys, String path) throws ComposeFileError {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!keys.contains(entry.key()) && !entry.key().startsWith("x-")) {
                throw ComposeFileError.unsupported((path.isEmpty() ? "" : path + ".") + entry.key(), file,
                        entry.keyPosition());
            }
        }
    }

    private ComposeProject.Service service(String name, YamlNode.Mapping node) throws ComposeFileError {
        String path = "services." + name;
        Set<String> keys = new java.util.HashSet<>(SERVICE);
        keys.addAll(RunSettingsReader.KEYS);
        supported(node, keys, path);
        String image = text(node.get("image"));
        ComposeProject.Build build = build(node.get("build"), path);
        if (image == null && build == null) {
            throw new ComposeFileError("service \"" + name + "\" has neither an image nor a build context specified: "
                    + "invalid compose project", file, node.position());
        }
        List<ComposeProject.Port> ports = new ArrayList<>();
        if (node.get("ports") instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                ports.addAll(port(item, path + ".ports"));
            }
        }
        List<ComposeProject.Mount> mounts = new ArrayList<>();
        if (node.get("volumes") instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                mounts.add(mount(item, path + ".volumes"));
            }
        }
        Map<String, ComposeProject.Dependency> dependsOn = new LinkedHashMap<>();
        YamlNode deps = node.get("depends_on");
        if (deps instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                dependsOn.put(text(item), new ComposeProject.Dependency("service_started", false, true));
            }
        } else if (deps instanceof YamlNode.Mapping map) {
            for (YamlNode.Entry entry : map.entries().values()) {
                YamlNode.Mapping config = (YamlNode.Mapping) entry.value();
                supported(config, DEPENDENCY, path + ".depends_on." + entry.key());
                String condition = text(config.get("condition"));
                dependsOn.put(entry.key(), new ComposeProject.Dependency(condition == null ? "service_started" : condition,
                        bool(config.get("restart"), false), bool(config.get("required"), true)));
            }
        }
        ComposeProject.RunSettings settings = new RunSettingsReader(this, file).read(node, path);
        String mode = settings.networkMode();
        if (mode != null && mode.startsWith("service:")) {
            // compose-go's normalize: sharing a service's network namespace needs that service started first
            dependsOn.putIfAbsent(mode.substring("service:".length()),
                    new ComposeProject.Dependency("service_started", false, true));
        }
        Map<String, List<String>> networks = new LinkedHashMap<>();
        YamlNode nets = node.get("networks");
        if (nets instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                networks.put(text(item), List.of());
            }
        } else if (nets instanceof YamlNode.Mapping map) {
            for (YamlNode.Entry entry : map.entries().values()) {
                List<String> aliases = List.of();
                if (entry.value() instanceof YamlNode.Mapping config) {
                    supported(config, SERVICE_NETWORK, path + ".networks." + entry.key());
                    aliases = strings(config.get("aliases"));
                }
                networks.put(entry.key(), aliases);
            }
        }
        return new ComposeProject.Service(name, image, build, ports, mounts, new ServiceEnvironment(this, file, environment).read(node), dependsOn,
                command(node.get("command")), command(node.get("entrypoint")), networks, text(node.get("working_dir")),
                text(node.get("restart")), text(node.get("container_name")), text(node.get("hostname")),
                dict(node.get("labels")), bool(node.get("tty"), false), bool(node.get("stdin_open"), false),
                text(node.get("user")), strings(node.get("expose")), text(node.get("stop_signal")),
                duration(node.get("stop_grace_period"), path + ".stop_grace_period"),
                node.has("init") ? bool(node.get("init"), false) : null, text(node.get("pull_policy")),
                settings);
    }

    private ComposeProject.Build build(YamlNode node, String path) throws ComposeFileError {
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            return new ComposeProject.Build(resolvePath(scalar.asText()), "Dockerfile", Map.of());
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        supported(mapping, BUILD, path + ".build");
        String context = text(mapping.get("context"));
        String dockerfile = text(mapping.get("dockerfile"));
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, String> arg : listOrDict(mapping.get("args")).entrySet()) {
            String value = arg.getValue() != null ? arg.getValue() : environment.get(arg.getKey());
            if (value != null) {
                args.put(arg.getKey(), value);
            }
        }
        return new ComposeProject.Build(resolvePath(context == null ? "." : context),
                dockerfile == null ? "Dockerfile" : dockerfile, args);
    }

    private List<ComposeProject.Port> port(YamlNode item, String path) throws ComposeFileError {
        if (item instanceof YamlNode.Mapping m) {
            supported(m, PORT, path);
            String protocol = text(m.get("protocol"));
            String published = text(m.get("published"));
            return List.of(new ComposeProject.Port(text(m.get("host_ip")), published == null ? "" : published,
                    text(m.get("target")), protocol == null ? "tcp" : protocol));
        }
        try {
            return PortSpec.parse(text(item));
        } catch (IllegalArgumentException e) {
            throw new ComposeFileError(e.getMessage(), file, item.position());
        }
    }

    private ComposeProject.Mount mount(YamlNode item, String path) throws ComposeFileError {
        if (item instanceof YamlNode.Mapping m) {
            supported(m, MOUNT, path);
            String type = text(m.get("type"));
            if (!type.equals("volume") && !type.equals("bind") && !type.equals("tmpfs")) {
                throw ComposeFileError.unsupported(path + ".type: " + type, file, m.get("type").position());
            }
            String source = text(m.get("source"));
            if (type.equals("bind") && source != null) {
                source = resolvePath(source).toString();
            }
            return new ComposeProject.Mount(type, source, text(m.get("target")), bool(m.get("read_only"), false));
        }
        String spec = text(item);
        List<String> parts = splitVolume(spec);
        if (parts.size() == 1) {
            return new ComposeProject.Mount("volume", null, parts.get(0), false);
        }
        if (parts.size() > 3) {
            throw new ComposeFileError("invalid spec: " + spec + ": too many colons", file, item.position());
        }
        String source = parts.get(0);
        boolean readOnly = parts.size() == 3 && List.of(parts.get(2).split(",")).contains("ro");
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        if (bind) {
            return new ComposeProject.Mount("bind", resolvePath(source).toString(), parts.get(1), readOnly);
        }
        return new ComposeProject.Mount("volume", source, parts.get(1), readOnly);
    }

    /** "src:dst:mode", where a Windows drive letter is not a separator (compose-go's ParseVolume). */
    private static List<String> splitVolume(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == ':' && !(i == 1 && Character.isLetter(spec.charAt(0)) && spec.length() > 2
                    && (spec.charAt(2) == '\\' || spec.charAt(2) == '/'))) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private ComposeProject.Network network(String project, String key, YamlNode node) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping m)) {
            return new ComposeProject.Network(key, project + "_" + key, null, false, false, false, Map.of(), Map.of());
        }
        supported(m, NETWORK, "networks." + key);
        boolean external = external(m.get("external"));
        String name = text(m.get("name"));
        return new ComposeProject.Network(key, name != null ? name : external ? key : project + "_" + key,
                text(m.get("driver")), external, bool(m.get("internal"), false), bool(m.get("attachable"), false),
                dict(m.get("labels")), dict(m.get("driver_opts")));
    }

    private ComposeProject.Volume volume(String project, String key, YamlNode node) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping m)) {
            return new ComposeProject.Volume(key, project + "_" + key, null, false, Map.of(), Map.of());
        }
        supported(m, VOLUME, "volumes." + key);
        boolean external = external(m.get("external"));
        String name = text(m.get("name"));
        return new ComposeProject.Volume(key, name != null ? name : external ? key : project + "_" + key,
                text(m.get("driver")), external, dict(m.get("labels")), dict(m.get("driver_opts")));
    }

    /** Top-level secrets or configs; only {@code file:} ones, as Compose outside a swarm reads them. */
    private Map<String, ComposeProject.FileObject> fileObjects(String project, YamlNode.Mapping root, String kind)
            throws ComposeFileError {
        Map<String, ComposeProject.FileObject> objects = new LinkedHashMap<>();
        if (root.get(kind) instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries().values()) {
                String path = kind + "." + entry.key();
                if (!(entry.value() instanceof YamlNode.Mapping m) || !m.has("file")) {
                    throw ComposeFileError.unsupported(path + " without file", file, entry.keyPosition());
                }
                supported(m, FILE_OBJECT, path);
                String name = text(m.get("name"));
                objects.put(entry.key(), new ComposeProject.FileObject(entry.key(),
                        name != null ? name : project + "_" + entry.key(), resolvePath(text(m.get("file")))));
            }
        }
        return objects;
    }

    private boolean external(YamlNode node) {
        return node instanceof YamlNode.Mapping || bool(node, false);
    }

    /** A path from the file, absolute against the project folder; "~" is the home folder. */
    Path resolvePath(String path) {
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return workingDir.resolve(path).normalize();
    }

    private Integer duration(YamlNode node, String path) throws ComposeFileError {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return (int) Math.ceil(GoTime.parseDuration(text) / 1e9);
        } catch (IllegalArgumentException e) {
            throw new ComposeFileError(path + ": " + e.getMessage(), file, node.position());
        }
    }

    static String text(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return scalar.asText();
        }
        return null;
    }

    static boolean bool(YamlNode node, boolean absent) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return scalar.text().equalsIgnoreCase("true") || scalar.text().equals("1");
        }
        return absent;
    }

    /** A string or a list of strings. */
    static List<String> strings(YamlNode node) {
        List<String> values = new ArrayList<>();
        if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                values.add(text(item));
            }
        } else if (text(node) != null) {
            values.add(text(node));
        }
        return values;
    }

    /** A command: a list as written, or a string split like a shell does (no shell runs it). */
    static List<String> command(YamlNode node) {
        if (node == null || (node instanceof YamlNode.Scalar s && s.isNull())) {
            return null;
        }
        if (node instanceof YamlNode.Sequence) {
            return strings(node);
        }
        return ShellWords.split(text(node));
    }

    /** compose's list_or_dict: ["K=V", "K"] or {K: V, K: null}; a null value means "from the environment". */
    static Map<String, String> listOrDict(YamlNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                String entry = text(item);
                int eq = entry.indexOf('=');
                values.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        } else if (node instanceof YamlNode.Mapping map) {
            for (YamlNode.Entry entry : map.entries().values()) {
                values.put(entry.key(), text(entry.value()) == null && entry.value() instanceof YamlNode.Scalar s
                        && s.isNull() ? null : text(entry.value()));
            }
        }
        return values;
    }

    /** A dict whose missing values are empty (labels, driver options). */
    static Map<String, String> dict(YamlNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        listOrDict(node).forEach((k, v) -> values.put(k, v == null ? "" : v));
        return values;
    }
}
