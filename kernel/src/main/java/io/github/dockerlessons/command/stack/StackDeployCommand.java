package io.github.dockerlessons.command.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.compose.ComposeProjectFlags;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.service.ImageDigest;
import io.github.dockerlessons.command.service.ServiceProgress;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.compose.ComposeFileError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.ProjectLoader;
import io.github.dockerlessons.compose.YamlNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code docker stack deploy -c FILE [-c FILE...] STACK}: the Compose files read by the project's
 * loader with {@code deploy:} read whole, then, as the CLI does, the stack's overlay networks, its
 * secrets and configs (from their files) and its services created, or updated when the stack already
 * has them. Keys swarm ignores are named in the CLI's warning. Unlike the CLI, which walks Go maps,
 * the objects are made in name order, so two runs print the same lines.
 */
public final class StackDeployCommand extends DeclaredCommand {
    private static final Flag<List<String>> COMPOSE_FILE = Flag.of('c', "compose-file", FlagType.STRINGS, List.of());
    private static final Flag<Boolean> DETACH = Flag.of('d', "detach", FlagType.BOOL, true);
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> PRUNE = Flag.bool("prune");
    private static final Flag<String> RESOLVE_IMAGE = Flag.of('\0', "resolve-image", FlagType.STRING, "always");
    private static final Flag<Boolean> WITH_REGISTRY_AUTH = Flag.bool("with-registry-auth");

    public StackDeployCommand() {
        super(CommandSpec.command("stack deploy", "docker stack deploy [OPTIONS] STACK")
                .aliases("docker stack deploy", "docker stack up")
                .flags(COMPOSE_FILE, DETACH, PRUNE, QUIET, RESOLVE_IMAGE, WITH_REGISTRY_AUTH)
                .takes(Arity.exactly(1), Arguments.each(NameKind.STACK)));
    }

    /** The CLI's v3 schema: the top-level keys a stack file may have. */
    private static final Set<String> TOP_LEVEL = Set.of("version", "services", "networks", "volumes", "secrets", "configs");
    /** types.UnsupportedProperties: swarm ignores them, with a warning. */
    private static final List<String> UNSUPPORTED = List.of("build", "cgroupns_mode", "cgroup_parent", "devices",
            "domainname", "external_links", "ipc", "links", "mac_address", "network_mode", "pid", "privileged", "restart",
            "security_opt", "shm_size", "userns_mode");
    /** types.DeprecatedProperties. */
    private static final Map<String, String> DEPRECATED = Map.of(
            "container_name", "Setting the container name is not supported.",
            "expose", "Exposing ports is unnecessary - services on the same network can access each other's containers "
                    + "on any port.");
    /** Swarmkit's limits on a secret's data (MaxSecretSize) and a config's (MaxConfigSize). */
    private static final int MAX_SECRET = 500 * 1024;
    private static final int MAX_CONFIG = 1000 * 1024;
    /** What pipes and devices may give that is held until its object is made: a regular file is read again. */
    private static final long HELD_LIMIT = 32L << 20;

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String stack = in.arg(0);
        Stacks.checkName(stack);
        ComposeProject project = load(in, ctx);
        String resolve = in.get(RESOLVE_IMAGE);
        if (!Set.of("always", "changed", "never").contains(resolve)) {
            throw new DockerError(1, "Invalid option " + resolve + " for flag --resolve-image", null);
        }
        boolean detach = in.get(DETACH);
        if (detach && !in.isSet(DETACH)) {
            ctx.console().err("Since --detach=false was not specified, tasks will be created in the background.\n"
                    + "In a future release, --detach=false will become the default.\n");
        }
        if (!SwarmApi.text(SwarmApi.swarmInfo(ctx), "ControlAvailable").equals("true")) {
            throw new DockerError(1, "this node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm "
                    + "join\" to connect this node to swarm and try again", "hint.swarm.not.manager");
        }
        StackSpecs specs = new StackSpecs(stack, project);
        Map<String, JsonObject> existing = new HashMap<>();
        for (JsonObject service : Stacks.of(ctx, "/services", stack)) {
            existing.put(Stacks.name(service), service);
        }
        if (in.get(PRUNE)) {
            prune(ctx, stack, project, existing);
        }
        createNetworks(ctx, stack, specs);
        Map<String, String> secretIds = fileObjects(ctx, specs, project.secrets(), "secret", "/secrets");
        Map<String, String> configIds = fileObjects(ctx, specs, project.configs(), "config", "/configs");
        // every spec first, as the CLI converts them all before it creates one
        List<JsonObject> services = new ArrayList<>();
        for (ComposeProject.Service service : new TreeMap<>(project.services()).values()) {
            try {
                services.add(specs.service(service, references(specs, project.secrets(), service.settings().secrets(),
                        secretIds, "Secret"), references(specs, project.configs(), service.settings().configs(),
                        configIds, "Config")));
            } catch (DockerError e) {
                throw new DockerError(1, "service " + service.name() + ": " + e.cliText(), e.hintKey(), e.hintArgs());
            }
        }
        List<String> ids = new ArrayList<>();
        for (JsonObject spec : services) {
            ids.add(deploy(ctx, spec, existing.get(SwarmApi.text(spec, "Name")), resolve));
        }
        if (!detach && !in.get(QUIET)) {
            for (String id : ids) {
                ServiceProgress.follow(ctx, id, false);
            }
        }
    }

    /** The files through the Compose loader, then what the CLI's stack loader refuses or warns about. */
    private static ComposeProject load(Invocation in, CommandContext ctx) throws DockerError {
        List<String> files = in.get(COMPOSE_FILE);
        if (files.isEmpty()) {
            throw new DockerError(1, "Specify a Compose file (with --compose-file)", "hint.stack.file");
        }
        ProjectLoader.Loaded loaded;
        try {
            loaded = ProjectLoader.load(new ProjectLoader.Options(files, StackSpecs.PLACEHOLDER, null, List.of(),
                    Path.of("").toAbsolutePath(), System.getenv())
                    .stoppedBy(() -> ctx.cancellation() != null && ctx.cancellation().isCancelled()).forSwarm());
        } catch (ComposeFileError e) {
            throw ComposeProjectFlags.failure(e, ctx);
        }
        for (String key : loaded.document().entries().keySet()) {
            if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
                throw new DockerError(1, "(root) Additional property " + key + " is not allowed", "hint.stack.top.level",
                        key);
            }
        }
        Set<String> unsupported = new TreeSet<>();
        Set<String> deprecated = new TreeSet<>();
        if (loaded.document().get("services") instanceof YamlNode.Mapping services) {
            for (YamlNode.Entry service : services.entries().values()) {
                if (service.value() instanceof YamlNode.Mapping keys) {
                    portNumbers(service.key(), keys);
                    UNSUPPORTED.stream().filter(keys::has).forEach(unsupported::add);
                    DEPRECATED.keySet().stream().filter(keys::has).forEach(k -> deprecated.add(k + ": " + DEPRECATED.get(k)));
                }
            }
        }
        if (!unsupported.isEmpty()) {
            ctx.console().err("Ignoring unsupported options: " + String.join(", ", unsupported) + "\n\n");
        }
        if (!deprecated.isEmpty()) {
            ctx.console().err("Ignoring deprecated options:\n\n" + String.join("\n\n", deprecated) + "\n\n");
        }
        for (ComposeProject.Service service : new TreeMap<>(loaded.project().services()).values()) {
            if (service.image() == null || service.image().isEmpty()) {
                throw new DockerError(1, "invalid image reference for service " + service.name() + ": no image specified",
                        "hint.stack.image", service.name());
            }
        }
        return loaded.project();
    }

    /**
     * The CLI's v3 schema takes a long-syntax port's target and published as integers only, where the
     * Compose spec also takes strings and ranges ("8000-8010"): a range the kernel would spell out.
     */
    private static void portNumbers(String service, YamlNode.Mapping keys) throws DockerError {
        if (!(keys.get("ports") instanceof YamlNode.Sequence ports)) {
            return;
        }
        for (int i = 0; i < ports.items().size(); i++) {
            if (ports.items().get(i) instanceof YamlNode.Mapping port) {
                for (String key : List.of("target", "published")) {
                    // digits also as a string: an interpolated ${PORT} is one here, which the CLI casts
                    if (port.has(key) && !(port.get(key) instanceof YamlNode.Scalar number
                            && (number.kind() == YamlNode.Kind.INT || number.text().matches("[0-9]{1,10}")))) {
                        throw new DockerError(1, "services." + service + ".ports." + i + "." + key
                                + " must be a integer", null);
                    }
                }
            }
        }
    }

    /** --prune: the stack's services the files no longer name are removed first. */
    private static void prune(CommandContext ctx, String stack, ComposeProject project, Map<String, JsonObject> existing)
            throws DockerError, InterruptedException {
        List<JsonObject> gone = new ArrayList<>();
        for (JsonObject service : existing.values()) {
            String name = Stacks.name(service);
            if (!project.services().containsKey(name.startsWith(stack + "_") ? name.substring(stack.length() + 1) : name)) {
                gone.add(service);
            }
        }
        StackRmCommand.removeServices(ctx, gone);
        gone.forEach(s -> existing.remove(Stacks.name(s)));
    }

    private static void createNetworks(CommandContext ctx, String stack, StackSpecs specs)
            throws DockerError, InterruptedException {
        List<String> external = new ArrayList<>();
        Map<String, JsonObject> networks = specs.networks(external);
        for (String name : external) {
            if (Set.of("host", "bridge", "none", "default").contains(name)) {
                continue;
            }
            JsonObject network;
            try {
                network = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/networks/", name)));
            } catch (DockerError e) {
                if (e.status() == 130 || !e.cliText().contains("not found")) {
                    throw e;
                }
                throw new DockerError(1, "network \"" + name + "\" is declared as external, but could not be found. "
                        + "You need to create a swarm-scoped network before the stack is deployed", null);
            }
            if (!SwarmApi.text(network, "Scope").equals("swarm")) {
                throw new DockerError(1, "network \"" + name + "\" is declared as external, but it is not in the right "
                        + "scope: \"" + SwarmApi.text(network, "Scope") + "\" instead of \"swarm\"", null);
            }
        }
        Set<String> have = new TreeSet<>();
        Stacks.of(ctx, "/networks", stack).forEach(n -> have.add(Stacks.name(n)));
        for (Map.Entry<String, JsonObject> network : networks.entrySet()) {
            if (have.contains(network.getKey())) {
                continue;
            }
            ctx.console().out("Creating network " + network.getKey() + "\n");
            try {
                SwarmApi.post(ctx, "/networks/create", network.getValue());
            } catch (DockerError e) {
                throw wrapped(e, "failed to create network " + network.getKey());
            }
        }
    }

    /**
     * Creates the stack's secrets (or configs), or updates those it has; their IDs by engine name.
     * Every file is read before anything is made, as the CLI reads them all, but only what a pipe or a
     * device gave is kept until its object is made (it cannot be read twice); a regular file is read
     * again then. Holding every file's data at once ended the kernel: 450 secrets of one 500 KB file.
     */
    private static Map<String, String> fileObjects(CommandContext ctx, StackSpecs specs,
                                                   Map<String, ComposeProject.FileObject> objects, String kind,
                                                   String path) throws DockerError, InterruptedException {
        int limit = limitOf(kind);
        Map<String, ComposeProject.FileObject> byName = new TreeMap<>();
        Map<String, byte[]> held = new HashMap<>();
        long heldBytes = 0;
        for (ComposeProject.FileObject object : objects.values()) {
            String name = SwarmApi.text(specs.fileObject(object, ""), "Name");
            byte[] data = data(object.file(), limit);
            if (HostFiles.kind(object.file()) != HostFiles.Kind.REGULAR) {
                heldBytes += data.length;
                if (heldBytes > HELD_LIMIT) {
                    throw new DockerError(1, HostFiles.tooLarge(object.file()).getMessage(), null);
                }
                held.put(name, data);
            }
            byName.put(name, object);
        }
        Map<String, String> ids = new HashMap<>();
        for (Map.Entry<String, ComposeProject.FileObject> entry : byName.entrySet()) {
            String name = entry.getKey();
            byte[] data = held.containsKey(name) ? held.remove(name) : data(entry.getValue().file(), limit);
            JsonObject spec = specs.fileObject(entry.getValue(), Base64.getEncoder().encodeToString(data));
            JsonObject found = null;
            for (JsonObject o : SwarmApi.list(ctx, path, Map.of("name", List.of(name)))) {
                if (Stacks.name(o).equals(name)) {
                    found = o;
                }
            }
            if (found != null) {
                try {
                    SwarmApi.post(ctx, SwarmApi.path(path + "/", SwarmApi.text(found, "ID")) + "/update?version="
                            + SwarmApi.text(found, "Version", "Index"), spec);
                } catch (DockerError e) {
                    throw wrapped(e, "failed to update " + kind + " " + name);
                }
                ids.put(name, SwarmApi.text(found, "ID"));
            } else {
                ctx.console().out("Creating " + kind + " " + name + "\n");
                try {
                    ids.put(name, SwarmApi.text(SwarmApi.object(SwarmApi.post(ctx, path + "/create", spec)), "ID"));
                } catch (DockerError e) {
                    throw wrapped(e, "failed to create " + kind + " " + name);
                }
            }
        }
        return ids;
    }

    /** The engine's limit on a secret's or a config's data: a config may be twice as large. */
    static int limitOf(String kind) {
        return kind.equals("secret") ? MAX_SECRET : MAX_CONFIG;
    }

    /**
     * A secret's or config's file, read up to the engine's limit and one byte (what is beyond is refused
     * by the engine). Through HostFiles, as every file a user names: a named pipe must not hang the cell
     * past the stop button, and the errors are os.ReadFile's words ("read F: is a directory"), not Java's.
     */
    static byte[] data(Path file, int limit) throws DockerError, InterruptedException {
        try (InputStream in = HostFiles.open(file, file)) {
            return in.readNBytes(limit + 1);
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), null);
        } catch (HostFiles.StoppedRead e) {
            throw new InterruptedException();
        } catch (IOException e) {
            throw new DockerError(1, LocalFileError.of("read", file, e).getMessage(), null);
        }
    }

    /** The service's secret (or config) references, by the engine's name, sorted by it as the CLI sorts them. */
    private static JsonArray references(StackSpecs specs, Map<String, ComposeProject.FileObject> objects,
                                        List<ComposeProject.FileMount> mounts, Map<String, String> ids, String kind)
            throws DockerError {
        Map<String, JsonObject> sorted = new TreeMap<>();
        for (ComposeProject.FileMount mount : mounts) {
            String name = specs.fileObjectName(objects, mount.source(), kind.toLowerCase());
            String id = ids.get(name);
            if (id == null) {
                throw new DockerError(1, kind.toLowerCase() + " not found: " + name, null);
            }
            sorted.put(name, StackSpecs.reference(kind, id, name, mount.target() == null ? mount.source() : mount.target()));
        }
        JsonArray array = new JsonArray();
        sorted.values().forEach(array::add);
        return array;
    }

    /** Creates the service, or updates it in place as the CLI does; its ID. */
    private static String deploy(CommandContext ctx, JsonObject spec, JsonObject service, String resolve)
            throws DockerError, InterruptedException {
        String name = SwarmApi.text(spec, "Name");
        JsonObject container = SwarmApi.at(spec, "TaskTemplate", "ContainerSpec");
        String image = SwarmApi.text(container, "Image");
        if (service == null) {
            ctx.console().out("Creating service " + name + "\n");
            // the Go client's warnings of a create are not printed by stack deploy
            container.addProperty("Image", ImageDigest.resolved(ctx, image, !resolve.equals("never")).image());
            try {
                return SwarmApi.text(SwarmApi.object(SwarmApi.post(ctx, "/services/create", spec)), "ID");
            } catch (DockerError e) {
                throw wrapped(e, "failed to create service " + name);
            }
        }
        String id = SwarmApi.text(service, "ID");
        ctx.console().out("Updating service " + name + " (id: " + id + ")\n");
        boolean query = resolve.equals("always");
        String labelled = SwarmApi.text(service, "Spec", "Labels", Stacks.IMAGE);
        if (resolve.equals("changed")) {
            query = !image.equals(labelled);
        }
        ImageDigest.Resolved resolved = ImageDigest.resolved(ctx, image, query);
        if (!query && image.equals(labelled)) {
            // the image has not changed: keep what the last deploy resolved, so no task restarts for it
            container.addProperty("Image", SwarmApi.text(service, "Spec", "TaskTemplate", "ContainerSpec", "Image"));
        } else {
            container.addProperty("Image", resolved.image());
        }
        String force = SwarmApi.text(service, "Spec", "TaskTemplate", "ForceUpdate");
        if (!force.isEmpty()) {
            SwarmApi.at(spec, "TaskTemplate").addProperty("ForceUpdate", Long.parseLong(force));
        }
        JsonObject answer;
        try {
            answer = SwarmApi.object(SwarmApi.post(ctx, SwarmApi.path("/services/", id) + "/update?version="
                    + SwarmApi.text(service, "Version", "Index"), spec));
        } catch (DockerError e) {
            throw wrapped(e, "failed to update service " + name);
        }
        if (answer.get("Warnings") != null && answer.get("Warnings").isJsonArray()) {
            answer.getAsJsonArray("Warnings").forEach(w -> ctx.console().err(w.getAsString() + "\n"));
        }
        if (resolved.warning() != null) {
            ctx.console().err(resolved.warning() + "\n");
        }
        return id;
    }

    /** The engine's refusal after what the CLI was doing ("failed to create service web: Error response..."). */
    private static DockerError wrapped(DockerError e, String doing) {
        return e.status() == 130 ? e : new DockerError(1, doing + ": " + e.cliText(), e.hintKey(), e.hintArgs());
    }
}
