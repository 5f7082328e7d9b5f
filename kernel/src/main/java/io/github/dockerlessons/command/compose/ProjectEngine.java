package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.image.BuildContext;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What Compose does with the engine for a project, step by step, each step reported on a
 * {@link ProgressPanel} as Compose reports it: networks and volumes created when missing, images
 * built or pulled when missing, a container per service created (or recreated when its
 * configuration changed) and started after what it depends on, and the reverse for stop and down.
 * Every call goes through the command's {@link CommandContext}, so the stop button and the time
 * limits apply to compose as to any docker command.
 */
public final class ProjectEngine {
    private final CommandContext ctx;

    public ProjectEngine(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** The project's containers (one-off ones of {@code run} only when asked), sorted by name. */
    public List<Container> containers(String project, boolean all, Collection<String> services, boolean oneOff)
            throws DockerError, InterruptedException {
        List<Container> found = ctx.call(client -> client.listContainersCmd().withShowAll(all)
                .withLabelFilter(Map.of(ComposeNames.PROJECT, project)).exec());
        List<Container> chosen = new ArrayList<>();
        for (Container c : found) {
            Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
            boolean isOneOff = "True".equals(labels.get(ComposeNames.ONEOFF));
            if (isOneOff && !oneOff) {
                continue;
            }
            if (!services.isEmpty() && !services.contains(labels.get(ComposeNames.SERVICE))) {
                continue;
            }
            chosen.add(c);
        }
        chosen.sort(Comparator.comparing(ProjectEngine::name));
        return chosen;
    }

    public static String name(Container c) {
        String[] names = c.getNames();
        return names == null || names.length == 0 ? c.getId() : names[0].startsWith("/") ? names[0].substring(1) : names[0];
    }

    public static String service(Container c) {
        return c.getLabels() == null ? "" : c.getLabels().getOrDefault(ComposeNames.SERVICE, "");
    }

    // --- networks and volumes ---

    /** Creates the project's networks that the chosen services use and the engine lacks. */
    public void ensureNetworks(ComposeProject project, List<ComposeProject.Service> services, ProgressPanel progress)
            throws DockerError, InterruptedException {
        Set<String> used = new LinkedHashSet<>();
        for (ComposeProject.Service s : services) {
            used.addAll(s.networks().isEmpty() ? List.of("default") : s.networks().keySet());
        }
        for (ComposeProject.Network network : project.networks().values()) {
            if (!used.contains(network.key())) {
                continue;
            }
            if (exists(() -> ctx.request(client -> client.inspectNetworkCmd().withNetworkId(network.name()).exec()))) {
                continue;
            }
            if (network.external()) {
                throw new DockerError(1, "network " + network.name() + " declared as external, but could not be found");
            }
            String id = "Network " + network.name();
            progress.working(id, "Creating");
            step(progress, id, () -> ctx.request(client -> {
                var cmd = client.createNetworkCmd().withName(network.name()).withCheckDuplicate(true)
                        .withLabels(ComposeNames.networkLabels(project.name(), network))
                        .withInternal(network.internal()).withAttachable(network.attachable());
                if (network.driver() != null) {
                    cmd.withDriver(network.driver());
                }
                if (!network.driverOpts().isEmpty()) {
                    cmd.withOptions(network.driverOpts());
                }
                return cmd.exec();
            }));
            progress.done(id, "Created");
        }
    }

    /** Creates the project's named volumes that the chosen services mount and the engine lacks. */
    public void ensureVolumes(ComposeProject project, List<ComposeProject.Service> services, ProgressPanel progress)
            throws DockerError, InterruptedException {
        Set<String> used = new LinkedHashSet<>();
        for (ComposeProject.Service s : services) {
            for (ComposeProject.Mount m : s.volumes()) {
                if (m.type().equals("volume") && m.source() != null) {
                    used.add(m.source());
                }
            }
        }
        for (ComposeProject.Volume volume : project.volumes().values()) {
            if (!used.contains(volume.key())) {
                continue;
            }
            if (exists(() -> ctx.request(client -> client.inspectVolumeCmd(volume.name()).exec()))) {
                continue;
            }
            if (volume.external()) {
                throw new DockerError(1, "external volume \"" + volume.name() + "\" not found");
            }
            String id = "Volume " + volume.name();
            progress.working(id, "Creating");
            step(progress, id, () -> ctx.request(client -> {
                var cmd = client.createVolumeCmd().withName(volume.name())
                        .withLabels(ComposeNames.volumeLabels(project.name(), volume));
                if (volume.driver() != null) {
                    cmd.withDriver(volume.driver());
                }
                if (!volume.driverOpts().isEmpty()) {
                    cmd.withDriverOpts(volume.driverOpts());
                }
                return cmd.exec();
            }));
            progress.done(id, "Created");
        }
    }

    // --- images ---

    /** The image ID of a service's image, or null when the engine lacks it. */
    public String imageId(ComposeProject project, ComposeProject.Service service) throws DockerError, InterruptedException {
        String image = ComposeNames.image(project.name(), service);
        try {
            return ctx.request(client -> client.inspectImageCmd(image).exec().getId());
        } catch (DaemonError e) {
            if (e.isNotFound()) {
                return null;
            }
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.noEngine(e);
        }
    }

    /** Builds the services that build and lack their image (all of them with {@code always}); pulls the others' missing images. */
    public void ensureImages(ComposeProject project, List<ComposeProject.Service> services, boolean buildAlways,
                             ProgressPanel progress) throws DockerError, InterruptedException {
        for (ComposeProject.Service s : services) {
            boolean missing = imageId(project, s) == null;
            if (s.build() != null && (buildAlways || missing)) {
                build(project, s, false, false);
            } else if (missing) {
                pull(project, s, progress);
            }
        }
    }

    /** Builds a service's image with the engine's classic builder, its output streamed as docker build's. */
    public void build(ComposeProject project, ComposeProject.Service service, boolean noCache, boolean quiet)
            throws DockerError, InterruptedException {
        ComposeProject.Build build = service.build();
        String tag = ComposeNames.image(project.name(), service);
        File context = build.context().toFile();
        File dockerfile = build.context().resolve(build.dockerfile()).toFile();
        if (!context.isDirectory()) {
            throw new DockerError(1, "unable to prepare context: path \"" + build.context() + "\" not found");
        }
        if (!dockerfile.isFile()) {
            throw new DockerError(1, "failed to solve: failed to read dockerfile: open " + dockerfile
                    + ": no such file or directory");
        }
        // The context tar docker build sends (symlinks as links, .dockerignore, owners root): docker-java's
        // own packing follows links and would send the host files they point at.
        BuildContext sent;
        InputStream tar;
        try {
            sent = BuildContext.of(build.context(), dockerfile.toPath());
            tar = ctx.cancellation().register(sent.stream());
        } catch (BuildContext.Refused e) {
            throw new DockerError(1, e.getMessage(), "hint.build.context.refused");
        } catch (LocalFileError e) {
            throw new DockerError(1, "error checking context: " + e.getMessage(), "hint.build.context.refused");
        }
        String[] failure = new String[1];
        ResultCallback.Adapter<BuildResponseItem> output = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.isErrorIndicated()) {
                    failure[0] = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                } else if (item.getStream() != null && !quiet) {
                    ctx.console().out(item.getStream());
                }
            }
        };
        try {
            ctx.callLong(ctx.messages().get("interrupt.engine.building"), client -> {
                var cmd = client.buildImageCmd(tar).withDockerfilePath(sent.dockerfileName()).withTags(Set.of(tag))
                        .withPull(false).withNoCache(noCache);
                build.args().forEach(cmd::withBuildArg);
                cmd.exec(ctx.cancellation().register(output)).awaitCompletion();
                return null;
            });
        } finally {
            ctx.cancellation().unregister(output);
            ctx.cancellation().unregister(tar);
            try {
                tar.close();
            } catch (IOException ignored) {
                // the engine has read what it wanted
            }
        }
        if (failure[0] != null) {
            throw new DockerError(1, "failed to solve: " + failure[0], "hint.build.failed");
        }
    }

    /** Pulls a service's image, as compose pull and up do. */
    public void pull(ComposeProject project, ComposeProject.Service service, ProgressPanel progress)
            throws DockerError, InterruptedException {
        String image = ComposeNames.image(project.name(), service);
        String id = "Image " + image;
        progress.working(id, "Pulling");
        String[] failure = new String[1];
        ResultCallback.Adapter<PullResponseItem> pulling = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (item.getErrorDetail() != null || item.getError() != null) {
                    failure[0] = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                }
            }
        };
        try {
            int colon = image.lastIndexOf(':');
            boolean tagged = colon > image.lastIndexOf('/');
            String repository = tagged ? image.substring(0, colon) : image;
            String tag = tagged ? image.substring(colon + 1) : "latest";
            ctx.requestLong(ctx.messages().get("interrupt.engine.pulling", image), client -> {
                client.pullImageCmd(repository).withTag(tag).exec(ctx.cancellation().register(pulling)).awaitCompletion();
                return null;
            });
        } catch (DaemonError e) {
            progress.error(id, "Error");
            throw new DockerError(1, "Error response from daemon: " + e.daemonMessage());
        } catch (EngineUnreachable e) {
            throw ctx.noEngine(e);
        } finally {
            ctx.cancellation().unregister(pulling);
        }
        if (failure[0] != null) {
            progress.error(id, "Error");
            throw new DockerError(1, failure[0]);
        }
        progress.done(id, "Pulled");
    }

    // --- containers ---

    /**
     * Makes the service's container what the file says: creates it when missing, recreates it when
     * its configuration changed (or {@code forceRecreate}), leaves it otherwise. Returns its ID.
     */
    public String converge(ComposeProject project, ComposeProject.Service service, boolean forceRecreate,
                           boolean noRecreate, ProgressPanel progress) throws DockerError, InterruptedException {
        List<Container> existing = containers(project.name(), true, List.of(service.name()), false);
        String hash = ComposeNames.configHash(service);
        if (existing.isEmpty()) {
            return create(project, service, 1, progress, "Creating", "Created");
        }
        Container current = existing.get(0);
        String currentHash = current.getLabels().get(ComposeNames.CONFIG_HASH);
        if (noRecreate || (!forceRecreate && hash.equals(currentHash))) {
            return current.getId();
        }
        String id = "Container " + name(current);
        progress.working(id, "Recreate");
        stopOne(current.getId(), service.stopGraceSeconds());
        step(progress, id, () -> ctx.request(client -> client.removeContainerCmd(current.getId()).withForce(true).exec()));
        int number = number(current);
        return create(project, service, number, progress, "Recreate", "Recreated");
    }

    private static int number(Container c) {
        try {
            return Integer.parseInt(c.getLabels().getOrDefault(ComposeNames.CONTAINER_NUMBER, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Creates a service's container number {@code number}; one-off containers (run) pass their own plan. */
    public String create(ComposeProject project, ComposeProject.Service service, int number, ProgressPanel progress,
                         String working, String done) throws DockerError, InterruptedException {
        String name = ComposeNames.container(project.name(), service, number);
        String id = "Container " + name;
        progress.working(id, working);
        String containerId = createContainer(project, service, new Plan(name, number, false, null, null, false, true));
        progress.done(id, done);
        return containerId;
    }

    /**
     * How one container is made: its name, its number (0 for a one-off), whether it is a one-off of
     * run (with its own command and stdin), and whether other containers reach it by the service's name.
     */
    public record Plan(String name, int number, boolean oneOff, List<String> command, String slug,
                       boolean interactive, boolean serviceAliases) { }

    public String createContainer(ComposeProject project, ComposeProject.Service service, Plan plan)
            throws DockerError, InterruptedException {
        String imageId = imageId(project, service);
        Map<String, String> labels = ComposeNames.containerLabels(project, service, plan.number(), imageId, plan.oneOff());
        if (plan.slug() != null) {
            labels.put(ComposeNames.SLUG, plan.slug());
        }
        List<String> networkKeys = new ArrayList<>(service.networks().isEmpty() ? List.of("default")
                : new TreeSet<>(service.networks().keySet()));
        String primary = networkKeys.isEmpty() ? null : networkKeys.get(0);
        String response = ctx.call(client -> {
            var cmd = client.createContainerCmd(ComposeNames.image(project.name(), service)).withName(plan.name())
                    .withLabels(labels).withTty(service.tty()).withStdinOpen(service.stdinOpen() || plan.interactive())
                    .withStdInOnce(plan.interactive()).withAttachStdin(plan.interactive())
                    .withAttachStdout(true).withAttachStderr(true);
            List<String> command = plan.command() != null ? plan.command() : service.command();
            if (command != null) {
                cmd.withCmd(command);
            }
            if (service.entrypoint() != null) {
                cmd.withEntrypoint(service.entrypoint());
            }
            if (!service.environment().isEmpty()) {
                cmd.withEnv(service.environment());
            }
            if (service.workingDir() != null) {
                cmd.withWorkingDir(service.workingDir());
            }
            if (service.hostname() != null) {
                cmd.withHostName(service.hostname());
            }
            if (service.user() != null) {
                cmd.withUser(service.user());
            }
            if (service.stopSignal() != null) {
                cmd.withStopSignal(service.stopSignal());
            }
            if (service.stopGraceSeconds() != null) {
                cmd.withStopTimeout(service.stopGraceSeconds());
            }
            HostConfig host = HostConfig.newHostConfig();
            applyPorts(service, cmd, host, plan.oneOff());
            applyMounts(project, service, cmd, host);
            if (service.restart() != null && !plan.oneOff()) {
                host.withRestartPolicy(RestartPolicy.parse(service.restart()));
            }
            if (service.init() != null) {
                host.withInit(service.init());
            }
            if (primary != null) {
                host.withNetworkMode(project.networks().get(primary).name());
                cmd.withAliases(aliases(service, plan, primary));
            }
            cmd.withHostConfig(host);
            var created = cmd.exec();
            if (created.getWarnings() != null) {
                for (String warning : created.getWarnings()) {
                    ctx.console().err("WARNING: " + warning + "\n");
                }
            }
            return created.getId();
        });
        for (String key : networkKeys.subList(Math.min(1, networkKeys.size()), networkKeys.size())) {
            String network = project.networks().get(key).name();
            ctx.call(client -> {
                client.connectToNetworkCmd().withNetworkId(network).withContainerId(response)
                        .withContainerNetwork(new ContainerNetwork().withAliases(aliases(service, plan, key))).exec();
                return null;
            });
        }
        return response;
    }

    /** Compose's aliases on a network: the container's name, the service's name, the file's aliases. */
    private static List<String> aliases(ComposeProject.Service service, Plan plan, String networkKey) {
        List<String> aliases = new ArrayList<>();
        aliases.add(plan.name());
        if (plan.serviceAliases()) {
            aliases.add(service.name());
            aliases.addAll(service.networks().getOrDefault(networkKey, List.of()));
        }
        return aliases;
    }

    private static void applyPorts(ComposeProject.Service service, CreateContainerCmd cmd,
                                   HostConfig host, boolean oneOff) {
        Map<ExposedPort, Void> exposed = new LinkedHashMap<>();
        Ports bindings = new Ports();
        if (!oneOff) {
            for (ComposeProject.Port port : service.ports()) {
                ExposedPort target = new ExposedPort(Integer.parseInt(port.target()),
                        InternetProtocol.parse(port.protocol()));
                exposed.put(target, null);
                Ports.Binding binding = port.published().isEmpty()
                        ? (port.hostIp() == null ? Ports.Binding.empty() : Ports.Binding.bindIp(port.hostIp()))
                        : new Ports.Binding(port.hostIp(), port.published());
                bindings.bind(target, binding);
            }
        }
        for (String expose : service.expose()) {
            String[] parts = expose.split("/", 2);
            exposed.put(new ExposedPort(Integer.parseInt(parts[0].split("-")[0]),
                    InternetProtocol.parse(parts.length > 1 ? parts[1] : "tcp")), null);
        }
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(new ArrayList<>(exposed.keySet()));
        }
        if (!bindings.getBindings().isEmpty()) {
            host.withPortBindings(bindings);
        }
    }

    private static void applyMounts(ComposeProject project, ComposeProject.Service service,
                                    CreateContainerCmd cmd, HostConfig host) {
        List<Bind> binds = new ArrayList<>();
        List<Volume> anonymous = new ArrayList<>();
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (ComposeProject.Mount mount : service.volumes()) {
            AccessMode mode = mount.readOnly()
                    ? AccessMode.ro : AccessMode.rw;
            switch (mount.type()) {
                case "bind" -> binds.add(new Bind(mount.source(), new Volume(mount.target()), mode));
                case "tmpfs" -> tmpfs.put(mount.target(), "");
                default -> {
                    if (mount.source() == null) {
                        anonymous.add(new Volume(mount.target()));
                    } else {
                        binds.add(new Bind(project.volumes().get(mount.source()).name(), new Volume(mount.target()), mode));
                    }
                }
            }
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        if (!anonymous.isEmpty()) {
            cmd.withVolumes(anonymous);
        }
        if (!tmpfs.isEmpty()) {
            host.withTmpFs(tmpfs);
        }
    }

    /** Starts a container unless it runs; "Running" for one that already did, as Compose says. */
    public void start(String containerId, String name, ProgressPanel progress) throws DockerError, InterruptedException {
        String id = "Container " + name;
        InspectContainerResponse state = ctx.call(client -> client.inspectContainerCmd(containerId).exec());
        if (Boolean.TRUE.equals(state.getState().getRunning())) {
            progress.done(id, "Running");
            return;
        }
        progress.working(id, "Starting");
        step(progress, id, () -> ctx.request(client -> client.startContainerCmd(containerId).exec()));
        progress.done(id, "Started");
    }

    /** Waits until what a service depends on is ready by its condition (started, healthy, completed). */
    public void awaitDependencies(ComposeProject project, ComposeProject.Service service, ProgressPanel progress)
            throws DockerError, InterruptedException {
        for (Map.Entry<String, ComposeProject.Dependency> entry : service.dependsOn().entrySet()) {
            String condition = entry.getValue().condition();
            if (condition.equals("service_started")) {
                continue;
            }
            for (Container c : containers(project.name(), true, List.of(entry.getKey()), false)) {
                String id = "Container " + name(c);
                progress.working(id, "Waiting");
                while (true) {
                    InspectContainerResponse state = ctx.call(client -> client.inspectContainerCmd(c.getId()).exec());
                    var s = state.getState();
                    if (condition.equals("service_healthy")) {
                        if (s.getHealth() == null) {
                            progress.error(id, "Error");
                            throw new DockerError(1, "container " + name(c) + " has no healthcheck configured");
                        }
                        if ("healthy".equals(s.getHealth().getStatus())) {
                            progress.done(id, "Healthy");
                            break;
                        }
                        if (!Boolean.TRUE.equals(s.getRunning())) {
                            progress.error(id, "Error");
                            throw new DockerError(1, "dependency failed to start: container " + name(c) + " is unhealthy");
                        }
                    } else if (!Boolean.TRUE.equals(s.getRunning())) {
                        Long code = s.getExitCodeLong();
                        if (code != null && code == 0) {
                            progress.done(id, "Exited");
                            break;
                        }
                        progress.error(id, "Error");
                        throw new DockerError(1, "service \"" + entry.getKey() + "\" didn't complete successfully: exit "
                                + code);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /**
     * Stops containers with their stop grace period (or {@code timeout}), reporting each. As Compose
     * does, a container stops only after the containers that depend on it, and containers that do not
     * wait for each other stop at the same time.
     */
    public void stop(List<Container> containers, Integer timeout, ProgressPanel progress, ComposeProject project)
            throws DockerError, InterruptedException {
        Map<Integer, List<Container>> levels = new TreeMap<>();
        for (Container c : containers) {
            levels.computeIfAbsent(project == null ? 0 : stopLevel(project, service(c), 0), k -> new ArrayList<>()).add(c);
        }
        for (List<Container> level : levels.values()) {
            for (Container c : level) {
                // each line in its place before the stops race each other, so the display reads the same every run
                progress.working("Container " + name(c), "Stopping");
            }
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (Container c : level) {
                stops.add(CompletableFuture.runAsync(() -> {
                    try {
                        stopReported(c, timeout, progress, project);
                    } catch (DockerError | InterruptedException e) {
                        throw new CompletionException(e);
                    }
                }, STOPPERS));
            }
            for (CompletableFuture<Void> stop : stops) {
                try {
                    stop.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException
                            ? e.getCause().getCause() : e.getCause();
                    if (cause instanceof DockerError docker) {
                        throw docker;
                    }
                    if (cause instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }
    }

    private static final ExecutorService STOPPERS = Executors.newCachedThreadPool(
            task -> {
                Thread thread = new Thread(task, "compose-stop");
                thread.setDaemon(true);
                return thread;
            });

    /** 0 for a service nothing depends on, else one more than the deepest of its dependants. */
    private static int stopLevel(ComposeProject project, String service, int depth) {
        int level = 0;
        if (depth > project.services().size()) {
            return level;
        }
        for (ComposeProject.Service s : project.services().values()) {
            if (s.dependsOn().containsKey(service)) {
                level = Math.max(level, 1 + stopLevel(project, s.name(), depth + 1));
            }
        }
        return level;
    }

    private void stopReported(Container c, Integer timeout, ProgressPanel progress, ComposeProject project)
            throws DockerError, InterruptedException {
        String id = "Container " + name(c);
        if (!"running".equals(c.getState()) && !"restarting".equals(c.getState()) && !"paused".equals(c.getState())) {
            progress.done(id, "Stopped");
            return;
        }
        progress.working(id, "Stopping");
        Integer grace = timeout;
        if (grace == null && project != null) {
            ComposeProject.Service s = project.services().get(service(c));
            grace = s == null ? null : s.stopGraceSeconds();
        }
        stopOne(c.getId(), grace);
        progress.done(id, "Stopped");
    }

    private void stopOne(String containerId, Integer timeout) throws DockerError, InterruptedException {
        try {
            ctx.requestLong(ctx.messages().get("interrupt.engine.stopping", containerId.substring(0, 12)), client -> {
                var cmd = client.stopContainerCmd(containerId);
                if (timeout != null) {
                    cmd.withTimeout(timeout);
                }
                return cmd.exec();
            });
        } catch (DaemonError e) {
            if (e.httpStatus() != 304) {
                throw DockerError.daemon(e);
            }
        } catch (EngineUnreachable e) {
            throw ctx.noEngine(e);
        }
    }

    /** Removes containers (with their anonymous volumes when {@code volumes}), reporting each. */
    public void remove(List<Container> containers, boolean volumes, ProgressPanel progress)
            throws DockerError, InterruptedException {
        for (Container c : containers) {
            String id = "Container " + name(c);
            progress.working(id, "Removing");
            step(progress, id, () -> ctx.request(client -> client.removeContainerCmd(c.getId()).withForce(true)
                    .withRemoveVolumes(volumes).exec()));
            progress.done(id, "Removed");
        }
    }

    /** Removes networks by engine name, skipping ones that are gone; reports each. */
    public void removeNetworks(Collection<String> names, ProgressPanel progress) throws DockerError, InterruptedException {
        for (String network : names) {
            if (!exists(() -> ctx.request(client -> client.inspectNetworkCmd().withNetworkId(network).exec()))) {
                continue;
            }
            String id = "Network " + network;
            progress.working(id, "Removing");
            step(progress, id, () -> ctx.request(client -> client.removeNetworkCmd(network).exec()));
            progress.done(id, "Removed");
        }
    }

    /** Removes volumes by engine name, skipping ones that are gone; reports each. */
    public void removeVolumes(Collection<String> names, ProgressPanel progress) throws DockerError, InterruptedException {
        for (String volume : names) {
            if (!exists(() -> ctx.request(client -> client.inspectVolumeCmd(volume).exec()))) {
                continue;
            }
            String id = "Volume " + volume;
            progress.working(id, "Removing");
            step(progress, id, () -> ctx.request(client -> client.removeVolumeCmd(volume).exec()));
            progress.done(id, "Removed");
        }
    }

    /** Removes images by name (down --rmi), skipping ones that are gone; reports each. */
    public void removeImages(Collection<String> names, ProgressPanel progress) throws DockerError, InterruptedException {
        for (String image : new LinkedHashSet<>(names)) {
            if (!exists(() -> ctx.request(client -> client.inspectImageCmd(image).exec()))) {
                continue;
            }
            String id = "Image " + image;
            progress.working(id, "Removing");
            step(progress, id, () -> ctx.request(client -> client.removeImageCmd(image).exec()));
            progress.done(id, "Removed");
        }
    }

    /** The engine names of networks (or volumes) that carry the project's label, for down without a file. */
    public List<String> labelledNetworks(String project) throws DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        ctx.call(client -> client.listNetworksCmd().withFilter("label", List.of(ComposeNames.PROJECT + "=" + project))
                .exec()).forEach(n -> names.add(n.getName()));
        return names;
    }

    public List<String> labelledVolumes(String project) throws DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        var response = ctx.call(client -> client.listVolumesCmd()
                .withFilter("label", List.of(ComposeNames.PROJECT + "=" + project)).exec());
        if (response.getVolumes() != null) {
            response.getVolumes().forEach(v -> names.add(v.getName()));
        }
        return names;
    }

    @FunctionalInterface
    private interface Request {
        Object run() throws DaemonError, EngineUnreachable, DockerError, InterruptedException;
    }

    /** One engine step of a progress line: a refusal marks the line "Error" and fails in the daemon's words. */
    private void step(ProgressPanel progress, String id, Request request) throws DockerError, InterruptedException {
        try {
            request.run();
        } catch (DaemonError e) {
            progress.error(id, "Error");
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.noEngine(e);
        }
    }

    private boolean exists(Request request) throws DockerError, InterruptedException {
        try {
            request.run();
            return true;
        } catch (DaemonError e) {
            if (e.isNotFound()) {
                return false;
            }
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.noEngine(e);
        }
    }
}
