package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.ContainerCreator;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.image.BuildContext;
import io.github.dockerlessons.command.image.ImageBuilder;
import io.github.dockerlessons.command.image.ImageReference;
import io.github.dockerlessons.command.image.Puller;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

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
            throw ctx.unreachable(e);
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
        BuildContext sent = ImageBuilder.prepare(build.context(), build.context().toString(),
                build.context().resolve(build.dockerfile()), ImageBuilder.Framing.COMPOSE);
        ImageBuilder.build(ctx, sent, quiet, ImageBuilder.Framing.COMPOSE, cmd -> {
            cmd.withTags(Set.of(tag)).withPull(false).withNoCache(noCache);
            build.args().forEach(cmd::withBuildArg);
        });
    }

    /** Pulls a service's image, as compose pull and up do. */
    public void pull(ComposeProject project, ComposeProject.Service service, ProgressPanel progress)
            throws DockerError, InterruptedException {
        String image = ComposeNames.image(project.name(), service);
        String id = "Image " + image;
        progress.working(id, "Pulling");
        try {
            // docker pull's own path (digests as well as tags), its progress shown by the panel instead
            Puller.pull(ctx, ImageReference.parse(image), null, true);
        } catch (DaemonError e) {
            progress.error(id, "Error");
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.unreachable(e);
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
        String containerId = createContainer(project, service, new ServiceRequest.Plan(name, number, false, null, null, false, true));
        progress.done(id, done);
        return containerId;
    }

    public String createContainer(ComposeProject project, ComposeProject.Service service, ServiceRequest.Plan plan)
            throws DockerError, InterruptedException {
        String imageId = imageId(project, service);
        Map<String, String> labels = ComposeNames.containerLabels(project, service, plan.number(), imageId, plan.oneOff());
        if (plan.slug() != null) {
            labels.put(ComposeNames.SLUG, plan.slug());
        }
        JsonObject body = ServiceRequest.body(project, service, plan, labels);
        String containerId;
        try {
            containerId = ContainerCreator.post(ctx, plan.name(), null, body, List.of());
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.unreachable(e);
        }
        List<String> networkKeys = ServiceRequest.networkKeys(service);
        for (String key : networkKeys.subList(1, networkKeys.size())) {
            String network = project.networks().get(key).name();
            ctx.call(client -> {
                client.connectToNetworkCmd().withNetworkId(network).withContainerId(containerId)
                        .withContainerNetwork(new ContainerNetwork().withAliases(ServiceRequest.aliases(service, plan, key)))
                        .exec();
                return null;
            });
        }
        return containerId;
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
            throw ctx.unreachable(e);
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
            throw ctx.unreachable(e);
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
            throw ctx.unreachable(e);
        }
    }
}
