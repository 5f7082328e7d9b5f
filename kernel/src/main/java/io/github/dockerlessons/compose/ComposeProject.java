package io.github.dockerlessons.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Compose project as loaded: its name, its folder, the files it came from, and its services,
 * networks and volumes (in file order, with the implicit {@code default} network when a service
 * names none). What the kernel does with the engine is decided from this alone.
 *
 * @param environment what ${VAR} and bare environment keys were read from (environment, then .env)
 */
public record ComposeProject(String name, Path workingDir, List<Path> files, Map<String, Service> services,
                             Map<String, Network> networks, Map<String, Volume> volumes,
                             Map<String, String> environment, Map<String, FileObject> secrets,
                             Map<String, FileObject> configs) {
    public ComposeProject {
        files = List.copyOf(files);
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        volumes = Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }

    /** A project without secrets or configs. */
    public ComposeProject(String name, Path workingDir, List<Path> files, Map<String, Service> services,
                          Map<String, Network> networks, Map<String, Volume> volumes, Map<String, String> environment) {
        this(name, workingDir, files, services, networks, volumes, environment, Map.of(), Map.of());
    }

    /** The services named, in file order; every service when none is named. */
    public List<Service> select(List<String> names) throws ComposeFileError {
        if (names.isEmpty()) {
            return new ArrayList<>(services.values());
        }
        List<Service> chosen = new ArrayList<>();
        for (String name : names) {
            Service service = services.get(name);
            if (service == null) {
                throw new ComposeFileError("no such service: " + name);
            }
            if (!chosen.contains(service)) {
                chosen.add(service);
            }
        }
        return chosen;
    }

    /** One service: what its container is made from. Null fields are the image's own defaults. */
    public record Service(String name, String image, Build build, List<Port> ports, List<Mount> volumes,
                          List<String> environment, Map<String, Dependency> dependsOn, List<String> command,
                          List<String> entrypoint, Map<String, List<String>> networks, String workingDir,
                          String restart, String containerName, String hostname, Map<String, String> labels,
                          boolean tty, boolean stdinOpen, String user, List<String> expose, String stopSignal,
                          Integer stopGraceSeconds, Boolean init, String pullPolicy, RunSettings settings) {
        public Service {
            ports = List.copyOf(ports);
            volumes = List.copyOf(volumes);
            environment = List.copyOf(environment);
            dependsOn = Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
            networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            expose = List.copyOf(expose);
            settings = settings == null ? RunSettings.NONE : settings;
        }
    }

    /**
     * How a service's container runs beyond its process: health check, profiles, extra hosts, network
     * mode, logging, ulimits, capabilities and resource limits. Empty and null are "not in the file".
     *
     * @param extraHosts  HOST=IP, in file order
     * @param networkMode host, none, bridge, service:NAME or container:NAME; null for the project's networks
     * @param ulimits     by name, in file order
     * @param deploy      deploy: as docker stack deploy reads it (NONE outside a stack)
     */
    public record RunSettings(Healthcheck healthcheck, List<String> profiles, List<String> extraHosts, String networkMode,
                          Logging logging, Map<String, Ulimit> ulimits, List<String> capAdd, List<String> capDrop,
                          Resources resources, List<FileMount> secrets, List<FileMount> configs, SwarmDeploy deploy) {
        public static final RunSettings NONE = new RunSettings(null, List.of(), List.of(), null, null, Map.of(), List.of(),
                List.of(), null, List.of(), List.of(), SwarmDeploy.NONE);

        public RunSettings {
            profiles = List.copyOf(profiles);
            extraHosts = List.copyOf(extraHosts);
            ulimits = Collections.unmodifiableMap(new LinkedHashMap<>(ulimits));
            capAdd = List.copyOf(capAdd);
            capDrop = List.copyOf(capDrop);
            secrets = List.copyOf(secrets);
            configs = List.copyOf(configs);
            deploy = deploy == null ? SwarmDeploy.NONE : deploy;
        }
    }

    /**
     * {@code healthcheck:}: the test as the API takes it (["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]
     * for {@code disable: true}); durations in nanoseconds; null is the image's own.
     */
    public record Healthcheck(List<String> test, Long interval, Long timeout, Integer retries, Long startPeriod,
                              boolean disable) { }

    /**
     * A top-level secret or config read from a file: {@code name} is the project's (project_key unless
     * the file gives one), {@code file} absolute. Outside a swarm Compose bind-mounts the file.
     */
    public record FileObject(String key, String name, Path file) { }

    /** A service's use of a secret or config: the top-level key and where it appears (null for the default). */
    public record FileMount(String source, String target) { }

    /** {@code logging:}: the driver (null for the engine's) and its options. */
    public record Logging(String driver, Map<String, String> options) { }

    /** One ulimit: {@code single} when the file gives one number, else soft and hard. */
    public record Ulimit(Long single, Long soft, Long hard) { }

    /** {@code deploy.resources}: limits (cpus as written, memory in bytes) and reserved memory; null is none. */
    public record Resources(String cpus, Long memory, Long memoryReservation) { }

    /** {@code build:}: the context folder (absolute), the Dockerfile in it, and build arguments. */
    public record Build(Path context, String dockerfile, Map<String, String> args) { }

    /**
     * A port: {@code published} is empty for a port given only a container side, and may be a range
     * ("8000-8002") like {@code target}.
     */
    public record Port(String hostIp, String published, String target, String protocol) { }

    /** A mount: type volume (source a project volume's key, or null for anonymous), bind or tmpfs. */
    public record Mount(String type, String source, String target, boolean readOnly) { }

    /** {@code depends_on}: the condition to wait for before starting the dependant. */
    public record Dependency(String condition, boolean restart, boolean required) { }

    /** A network: {@code name} is the engine's name (project_key unless the file gives one). */
    public record Network(String key, String name, String driver, boolean external, boolean internal,
                          boolean attachable, Map<String, String> labels, Map<String, String> driverOpts) { }

    /** A named volume: {@code name} is the engine's name (project_key unless the file gives one). */
    public record Volume(String key, String name, String driver, boolean external, Map<String, String> labels,
                         Map<String, String> driverOpts) { }
}
