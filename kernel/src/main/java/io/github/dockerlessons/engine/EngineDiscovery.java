package io.github.dockerlessons.engine;

import io.github.dockerlessons.engine.EngineEndpoint.Origin;
import io.github.dockerlessons.engine.LocalMachine.OperatingSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Finds the engine the way the docker CLI does, in the same order: DOCKER_HOST (with DOCKER_TLS_VERIFY,
 * DOCKER_TLS and DOCKER_CERT_PATH); else the context named by DOCKER_CONTEXT; else the currentContext
 * that {@code docker context use} wrote into $DOCKER_CONFIG/config.json; else the default.
 *
 * <p>Where the CLI's default is only /var/run/docker.sock, the kernel also looks where real set-ups put
 * their socket when that one is missing: rootless Docker, Docker Desktop (macOS, Linux) and Podman. On
 * Windows the default is Docker Desktop's named pipe.
 *
 * <p>Pure logic over a {@link LocalMachine}, so it is tested with a fake home and operating system.
 */
public final class EngineDiscovery {
    private final LocalMachine machine;
    private final ContextStore store;
    private final TlsFiles tlsFiles;
    /** DOCKER_HOST was given with -H for one command: failures name the flag, not the environment. */
    private final boolean hostFlag;
    private Cached cached;

    /**
     * TLS files named one by one (the CLI's --tlscacert, --tlscert, --tlskey); null for a file found
     * in DOCKER_CERT_PATH as usual.
     */
    public record TlsFiles(Path ca, Path cert, Path key) {
        static final TlsFiles NONE = new TlsFiles(null, null, null);
    }

    /** The answer, and what it was read from: when those files change, the answer is read again. */
    private record Cached(FileStamp config, String contextName, FileStamp meta, Resolution resolution) { }

    /**
     * Enough to tell that a file changed: its date alone is too coarse (two writes in the same few
     * milliseconds share it), but the CLI and this store replace the file, so its inode changes too.
     */
    private record FileStamp(Object fileKey, long modifiedNanos, long size) { }

    /**
     * What to try, in order: one endpoint for DOCKER_HOST or a context, or the default search.
     *
     * @param contextName the context in use, "default" when none
     * @param origin      why that context: DOCKER_HOST, DOCKER_CONTEXT, currentContext or the default
     */
    public record Resolution(String contextName, Origin origin, List<EngineEndpoint> candidates) {
        /** Whether the kernel chose among several places (so every one of them is reported). */
        public boolean searched() {
            return candidates.size() > 1;
        }
    }

    public EngineDiscovery(LocalMachine machine) {
        this(machine, TlsFiles.NONE);
    }

    private EngineDiscovery(LocalMachine machine, TlsFiles tlsFiles, boolean hostFlag) {
        this.machine = machine;
        this.store = new ContextStore(machine.dockerConfigDir());
        this.tlsFiles = tlsFiles;
        this.hostFlag = hostFlag;
    }

    private EngineDiscovery(LocalMachine machine, TlsFiles tlsFiles) {
        this(machine, tlsFiles, false);
    }

    /** This machine with some variables changed and TLS files named (the CLI's global flags, for one command). */
    public EngineDiscovery with(Map<String, String> variables, TlsFiles files) {
        return new EngineDiscovery(machine.with(variables), files);
    }

    /** As {@link #with}, DOCKER_HOST among the variables being the address typed after -H. */
    public EngineDiscovery withHostFlag(Map<String, String> variables, TlsFiles files) {
        return new EngineDiscovery(machine.with(variables), files, true);
    }

    public static EngineDiscovery forThisMachine(Map<String, String> env) {
        return new EngineDiscovery(LocalMachine.current(env));
    }

    /** A discovery that always answers one host, for tests and tools that name their engine. */
    public static EngineDiscovery fixed(String dockerHost) {
        return forThisMachine(Map.of("DOCKER_HOST", dockerHost));
    }

    public LocalMachine machine() {
        return machine;
    }

    public ContextStore contexts() {
        return store;
    }

    /** The context the docker CLI would use here, and why: what {@code docker context show} prints. */
    public String currentContextName() {
        if (!machine.variable("DOCKER_HOST").isEmpty()) {
            return DockerContext.DEFAULT_NAME;
        }
        String fromEnv = machine.variable("DOCKER_CONTEXT");
        if (!fromEnv.isEmpty()) {
            return fromEnv;
        }
        String fromConfig = store.currentContext();
        return fromConfig.isEmpty() ? DockerContext.DEFAULT_NAME : fromConfig;
    }

    /**
     * The "default" context as {@code docker context ls} and {@code inspect} show it: DOCKER_HOST (or
     * the CLI's default host) and whether TLS verification is skipped. The socket the kernel actually
     * uses when it searched is {@link EngineGateway#endpoint()}.
     */
    public DockerContext defaultContext() {
        String dockerHost = machine.variable("DOCKER_HOST");
        boolean tls = !machine.variable("DOCKER_TLS_VERIFY").isEmpty() || !machine.variable("DOCKER_TLS").isEmpty();
        String host;
        try {
            host = dockerHost.isBlank() ? (tls ? HostAddress.DEFAULT_TLS
                    : machine.os() == OperatingSystem.WINDOWS ? HostAddress.DEFAULT_PIPE : HostAddress.DEFAULT_UNIX)
                    : HostAddress.parse(dockerHost);
        } catch (ContextError e) {
            host = dockerHost;
        }
        boolean skip = tls && machine.variable("DOCKER_TLS_VERIFY").isEmpty();
        return DockerContext.defaultContext(host, skip);
    }

    /** The CLI's words for why context NAME cannot be read ("context not found" ...), or null when it can. */
    public String unreadable(String name) {
        try {
            store.read(name);
            return null;
        } catch (ContextError e) {
            return e.getMessage();
        }
    }

    /** What {@code docker context ls} lists: the default context and every stored one, in natural order of names. */
    public List<DockerContext> listContexts() throws ContextError {
        List<DockerContext> all = new ArrayList<>(store.list());
        all.add(defaultContext());
        all.sort(Comparator.comparing(DockerContext::name, NaturalOrder.INSTANCE));
        return all;
    }

    private Origin currentContextOrigin() {
        if (!machine.variable("DOCKER_HOST").isEmpty()) {
            return Origin.DOCKER_HOST;
        }
        if (!machine.variable("DOCKER_CONTEXT").isEmpty()) {
            return Origin.DOCKER_CONTEXT;
        }
        return store.currentContext().isEmpty() ? Origin.DEFAULT : Origin.CURRENT_CONTEXT;
    }

    /**
     * Where to look now. Cheap when nothing changed (two file dates), so the kernel asks before every
     * command and follows {@code docker context use} at once, whether it ran in a cell or in a terminal.
     *
     * @throws ContextError the CLI's "unable to resolve docker endpoint: ..." words
     */
    public synchronized Resolution resolve() throws ContextError {
        FileStamp config = stamp(store.configFile());
        Cached last = cached;
        if (last != null && Objects.equals(last.config(), config)
                && Objects.equals(last.meta(), metaModified(last.contextName()))) {
            return last.resolution();
        }
        String name = currentContextName();
        Resolution resolution = resolveFresh(name);
        cached = new Cached(config, name, metaModified(name), resolution);
        return resolution;
    }

    private FileStamp metaModified(String contextName) {
        return contextName.equals(DockerContext.DEFAULT_NAME) ? null
                : stamp(store.metadataPath(contextName).resolve("meta.json"));
    }

    private static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    private Resolution resolveFresh(String name) throws ContextError {
        Origin origin = currentContextOrigin();
        if (name.equals(DockerContext.DEFAULT_NAME)) {
            return new Resolution(name, origin, defaultEndpoints(origin));
        }
        DockerContext context;
        try {
            context = store.read(name);
        } catch (ContextError e) {
            throw unresolved(e.getMessage());
        }
        if (context.endpointError() != null) {
            throw unresolved(context.endpointError());
        }
        String host = context.host().isEmpty() ? HostAddress.DEFAULT_UNIX : HostAddress.parse(context.host());
        EngineEndpoint.Tls tls = isSocket(host) ? null : store.tlsOf(context);
        return new Resolution(name, origin, List.of(new EngineEndpoint(host, tls, name, origin)));
    }

    /** The default context: DOCKER_HOST when set, else the CLI's default, else the search. */
    private List<EngineEndpoint> defaultEndpoints(Origin origin) throws ContextError {
        String verify = machine.variable("DOCKER_TLS_VERIFY");
        boolean tlsWanted = !verify.isEmpty() || !machine.variable("DOCKER_TLS").isEmpty();
        String dockerHost = machine.variable("DOCKER_HOST");
        String name = DockerContext.DEFAULT_NAME;
        if (!dockerHost.isBlank()) {
            String host;
            try {
                host = HostAddress.parse(dockerHost);
            } catch (ContextError e) {
                throw unresolved(e.getMessage());
            }
            EngineEndpoint.Tls tls = tlsWanted ? tlsFromEnvironment(!verify.isEmpty()) : null;
            return List.of(new EngineEndpoint(host, isSocket(host) ? null : tls, name,
                    hostFlag ? Origin.HOST_FLAG : Origin.DOCKER_HOST));
        }
        if (tlsWanted) {
            // The CLI's default when TLS is asked for and no host is given.
            return List.of(new EngineEndpoint(HostAddress.DEFAULT_TLS, tlsFromEnvironment(!verify.isEmpty()), name, origin));
        }
        if (machine.os() == OperatingSystem.WINDOWS) {
            return List.of(new EngineEndpoint(HostAddress.DEFAULT_PIPE, null, name, Origin.DEFAULT));
        }
        List<EngineEndpoint> places = new ArrayList<>();
        places.add(new EngineEndpoint(HostAddress.DEFAULT_UNIX, null, name, Origin.DEFAULT));
        Path runtimeDir = runtimeDir();
        if (runtimeDir != null) {
            places.add(unix(runtimeDir.resolve("docker.sock"), Origin.ROOTLESS_DOCKER));
        }
        places.add(unix(machine.home().resolve(".docker/run/docker.sock"), Origin.DOCKER_DESKTOP_MACOS));
        places.add(unix(machine.home().resolve(".docker/desktop/docker.sock"), Origin.DOCKER_DESKTOP_LINUX));
        places.add(unix(Path.of("/run/podman/podman.sock"), Origin.PODMAN));
        if (runtimeDir != null) {
            places.add(unix(runtimeDir.resolve("podman/podman.sock"), Origin.PODMAN_ROOTLESS));
        }
        return List.copyOf(places);
    }

    /** $XDG_RUNTIME_DIR, or on Linux the folder systemd gives each user, /run/user/UID. */
    private Path runtimeDir() {
        String xdg = machine.variable("XDG_RUNTIME_DIR");
        if (!xdg.isEmpty()) {
            return Path.of(xdg);
        }
        if (machine.os() == OperatingSystem.LINUX && machine.uid().isPresent()) {
            return Path.of("/run/user", Integer.toString(machine.uid().getAsInt()));
        }
        return null;
    }

    private static EngineEndpoint unix(Path socket, Origin origin) {
        return new EngineEndpoint("unix://" + socket, null, DockerContext.DEFAULT_NAME, origin);
    }

    /**
     * DOCKER_CERT_PATH (else the config folder) as the CLI reads it: ca.pem must be there; cert.pem and
     * key.pem are used when present.
     */
    private EngineEndpoint.Tls tlsFromEnvironment(boolean verify) throws ContextError {
        String certPath = machine.variable("DOCKER_CERT_PATH");
        Path dir = certPath.isEmpty() ? machine.dockerConfigDir() : Path.of(certPath);
        Path ca = tlsFiles.ca() != null ? tlsFiles.ca() : dir.resolve("ca.pem");
        if (!Files.isReadable(ca)) {
            throw unresolved(cannotOpen(ca));
        }
        return new EngineEndpoint.Tls(ca, clientFile(tlsFiles.cert(), dir.resolve("cert.pem")),
                clientFile(tlsFiles.key(), dir.resolve("key.pem")), verify);
    }

    /** A client certificate or key: one named must be there; the usual one is used when present. */
    private static Path clientFile(Path named, Path usual) throws ContextError {
        if (named == null) {
            return Files.exists(usual) ? usual : null;
        }
        if (!Files.isReadable(named)) {
            throw unresolved(cannotOpen(named));
        }
        return named;
    }

    private static String cannotOpen(Path file) {
        return "open " + file + ": " + (Files.exists(file) ? "permission denied" : "no such file or directory");
    }

    /**
     * Which of the places to use: the first that answers a connection, else the first whose socket
     * exists, else the first (whose failure then names every place).
     */
    public EngineEndpoint choose(Resolution resolution, SocketProbe probe) {
        List<EngineEndpoint> candidates = resolution.candidates();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        EngineEndpoint firstExisting = null;
        for (EngineEndpoint candidate : candidates) {
            if (!candidate.host().startsWith("unix://")) {
                continue;
            }
            if (machine.socketExists().test(candidate.socketPath())) {
                if (probe.probe(candidate).answers()) {
                    return candidate;
                }
                if (firstExisting == null) {
                    firstExisting = candidate;
                }
            }
        }
        return firstExisting != null ? firstExisting : candidates.get(0);
    }

    private static boolean isSocket(String host) {
        return host.startsWith("unix://") || host.startsWith("npipe://") || host.startsWith("fd://");
    }

    private static ContextError unresolved(String why) {
        return new ContextError("unable to resolve docker endpoint: " + why);
    }
}
