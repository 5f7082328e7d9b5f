package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.golang.GoQuote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes a service's containers what the file and {@code --scale} say, as Compose v2's convergence
 * does: containers whose configuration changed are recreated under their own number, a service scaled
 * down loses its changed containers first and then its highest numbers, one scaled up gains the
 * numbers after the highest it has ({@code project-web-2}, {@code -3}...). Each step is a progress line.
 */
final class ServiceConvergence {
    /** A container the service has once converged: its ID and its name, for the start that follows. */
    record Replica(String id, String name) { }

    private final CommandContext ctx;
    private final ProjectContainers containers;
    private final EngineSteps steps;

    ServiceConvergence(CommandContext ctx) {
        this.ctx = ctx;
        this.containers = new ProjectContainers(ctx);
        this.steps = new EngineSteps(ctx);
    }

    /** The service's containers after convergence to {@code replicas} of them, lowest number first. */
    List<Replica> converge(ComposeProject project, ComposeProject.Service service, int replicas, boolean forceRecreate,
                           boolean noRecreate, ProgressPanel progress) throws DaemonError, DockerError, InterruptedException {
        if (replicas > 1 && service.containerName() != null) {
            throw new DockerError(1, "WARNING: The " + GoQuote.quote(service.name()) + " service is using the custom "
                    + "container name " + GoQuote.quote(service.containerName()) + ". Docker requires each container to "
                    + "have a unique name. Remove the custom name to scale the service");
        }
        String hash = ComposeNames.configHash(service);
        List<ContainerSummary> existing = keptFirst(containers.containers(project.name(), true, List.of(service.name()), false),
                c -> mustRecreate(c, hash, forceRecreate, noRecreate));
        List<Replica> made = new ArrayList<>();
        for (int i = 0; i < existing.size(); i++) {
            ContainerSummary c = existing.get(i);
            if (i >= replicas) {
                stopAndRemove(c, service, progress);
            } else if (mustRecreate(c, hash, forceRecreate, noRecreate)) {
                made.add(recreate(project, service, c, progress));
            } else {
                if ("running".equals(c.getState())) {
                    progress.done("Container " + ProjectContainers.name(c), "Running");
                }
                made.add(new Replica(c.getId(), ProjectContainers.name(c)));
            }
        }
        int next = existing.stream().mapToInt(ServiceConvergence::number).max().orElse(0) + 1;
        for (int i = 0; i < replicas - existing.size(); i++) {
            String name = ComposeNames.container(project.name(), service, next + i);
            made.add(new Replica(containers.create(project, service, next + i, progress, "Creating", "Created"), name));
        }
        return made;
    }

    /**
     * The order in which containers are kept: those up to date by number, lowest first, then the
     * changed ones; a scale down removes from the end (Compose sorts the other way round and reverses).
     */
    static List<ContainerSummary> keptFirst(List<ContainerSummary> found, java.util.function.Predicate<ContainerSummary> obsolete) {
        List<ContainerSummary> current = new ArrayList<>();
        List<ContainerSummary> changed = new ArrayList<>();
        for (ContainerSummary c : found) {
            (obsolete.test(c) ? changed : current).add(c);
        }
        current.sort(Comparator.comparingInt(ServiceConvergence::number));
        List<ContainerSummary> order = new ArrayList<>(current);
        order.addAll(changed);
        return order;
    }

    private static boolean mustRecreate(ContainerSummary c, String hash, boolean forceRecreate, boolean noRecreate) {
        if (noRecreate) {
            return false;
        }
        String current = c.getLabels() == null ? null : c.getLabels().get(ComposeNames.CONFIG_HASH);
        return forceRecreate || !hash.equals(current);
    }

    /** A container's number (com.docker.compose.container-number), 0 when it has none. */
    static int number(ContainerSummary c) {
        try {
            return Integer.parseInt(c.getLabels() == null ? "0" : c.getLabels().getOrDefault(ComposeNames.CONTAINER_NUMBER, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Replica recreate(ComposeProject project, ComposeProject.Service service, ContainerSummary current,
                             ProgressPanel progress) throws DaemonError, DockerError, InterruptedException {
        String id = "Container " + ProjectContainers.name(current);
        progress.working(id, "Recreate");
        new ProjectStopper(ctx).stopOne(current.getId(), service.stopGraceSeconds());
        steps.step(progress, id, () -> ctx.answer(client -> client.removeContainerCmd(current.getId()).withForce(true).exec()));
        int number = Math.max(1, number(current));
        String containerId = containers.create(project, service, number, progress, "Recreate", "Recreated");
        return new Replica(containerId, ComposeNames.container(project.name(), service, number));
    }

    /** A container a scale down leaves out: stopped, then removed, as Compose reports the two. */
    private void stopAndRemove(ContainerSummary c, ComposeProject.Service service, ProgressPanel progress)
            throws DockerError, InterruptedException {
        String id = "Container " + ProjectContainers.name(c);
        progress.working(id, "Stopping");
        new ProjectStopper(ctx).stopOne(c.getId(), service.stopGraceSeconds());
        progress.done(id, "Stopped");
        progress.working(id, "Removing");
        steps.step(progress, id, () -> ctx.answer(client -> client.removeContainerCmd(c.getId()).withForce(true).exec()));
        progress.done(id, "Removed");
    }
}
