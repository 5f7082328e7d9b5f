package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.dockerlessons.api.ContainerSummary;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.ContainerCreator;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A project's containers: found by the project's labels, created, started and removed, each step
 * reported on a {@link ProgressPanel} as Compose reports it ({@link ServiceConvergence} decides which
 * a service needs).
 */
final class ProjectContainers {
    private final CommandContext ctx;
    private final EngineSteps steps;

    ProjectContainers(CommandContext ctx) {
        this.ctx = ctx;
        this.steps = new EngineSteps(ctx);
    }

    /** The project's containers (one-off ones of {@code run} only when asked), sorted by name. */
    public List<ContainerSummary> containers(String project, boolean all, Collection<String> services, boolean oneOff)
            throws DaemonError, DockerError, InterruptedException {
        List<ContainerSummary> found = ctx.read(ContainerSummary.list(all, false, 0,
                Map.of("label", List.of(ComposeNames.PROJECT + "=" + project))));
        List<ContainerSummary> chosen = new ArrayList<>();
        for (ContainerSummary c : found) {
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
        chosen.sort(Comparator.comparing(ProjectContainers::name));
        return chosen;
    }

    public static String name(ContainerSummary c) {
        String[] names = c.getNames();
        return names == null || names.length == 0 ? c.getId() : names[0].startsWith("/") ? names[0].substring(1) : names[0];
    }

    public static String service(ContainerSummary c) {
        return c.getLabels() == null ? "" : c.getLabels().getOrDefault(ComposeNames.SERVICE, "");
    }

    /** Creates a service's container number {@code number}; one-off containers (run) pass their own plan. */
    public String create(ComposeProject project, ComposeProject.Service service, int number, ProgressPanel progress,
                         String working, String done) throws DaemonError, DockerError, InterruptedException {
        String name = ComposeNames.container(project.name(), service, number);
        String id = "Container " + name;
        progress.working(id, working);
        String containerId = createContainer(project, service, new ServiceRequest.Plan(name, number, false, null, null, false, true));
        progress.done(id, done);
        return containerId;
    }

    public String createContainer(ComposeProject project, ComposeProject.Service service, ServiceRequest.Plan plan)
            throws DaemonError, DockerError, InterruptedException {
        String imageId = new ServiceImages(ctx).imageId(project, service);
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
        }
        List<String> networkKeys = ServiceRequest.networkKeys(service);
        for (String key : networkKeys.subList(1, networkKeys.size())) {
            String network = project.networks().get(key).name();
            ctx.answer(client -> {
                client.connectToNetworkCmd().withNetworkId(network).withContainerId(containerId)
                        .withContainerNetwork(new ContainerNetwork().withAliases(ServiceRequest.aliases(service, plan, key)))
                        .exec();
                return null;
            });
        }
        return containerId;
    }

    /** Starts a container unless it runs; "Running" for one that already did, as Compose says. */
    public void start(String containerId, String name, ProgressPanel progress) throws DaemonError, DockerError, InterruptedException {
        String id = "Container " + name;
        InspectContainerResponse state = ctx.answer(client -> client.inspectContainerCmd(containerId).exec());
        if (Boolean.TRUE.equals(state.getState().getRunning())) {
            progress.done(id, "Running");
            return;
        }
        progress.working(id, "Starting");
        steps.step(progress, id, () -> ctx.answer(client -> client.startContainerCmd(containerId).exec()));
        progress.done(id, "Started");
    }

    /** Removes containers (with their anonymous volumes when {@code volumes}), reporting each. */
    public void remove(List<ContainerSummary> containers, boolean volumes, ProgressPanel progress)
            throws DockerError, InterruptedException {
        for (ContainerSummary c : containers) {
            String id = "Container " + name(c);
            progress.working(id, "Removing");
            steps.step(progress, id, () -> ctx.answer(client -> client.removeContainerCmd(c.getId()).withForce(true)
                    .withRemoveVolumes(volumes).exec()));
            progress.done(id, "Removed");
        }
    }
}
