package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.golang.GoTime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compose up --wait}: after the start, every service's containers are waited for until they
 * run (healthy, when they have a health check), or, for a service another one depends on with
 * {@code service_completed_successfully}, until they have exited with 0. Each container's line says
 * "Waiting", then "Healthy" or "Exited". Compose v2's words when they do not: "container web-1 is
 * unhealthy", "container web-1 exited (1)", "application not healthy after 30s"; the command then
 * fails with status 1. As Compose does, the other services are still waited for before the first
 * failure is told.
 */
final class ReadinessWait {
    /** How often Compose looks again (its ticker). */
    private static final long POLL_MS = 500;

    private final CommandContext ctx;

    ReadinessWait(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** What a look at one service found: ready, not yet, or the failure in Compose's words. */
    record Look(boolean ready, String failure) {
        static final Look NOT_YET = new Look(false, null);
        static final Look READY = new Look(true, null);

        static Look failed(String failure) {
            return new Look(false, failure);
        }
    }

    /** @param timeout the most to wait, or null for no bound (--wait-timeout 0) */
    void await(ComposeProject project, List<ComposeProject.Service> services, Duration timeout, ProgressPanel progress)
            throws DaemonError, DockerError, InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Map<String, List<ContainerSummary>> pending = new LinkedHashMap<>();
        ProjectContainers containers = new ProjectContainers(ctx);
        for (ComposeProject.Service s : services) {
            List<ContainerSummary> found = containers.containers(project.name(), true, List.of(s.name()), false);
            if (found.isEmpty()) {
                throw new DockerError(1, project.name() + " is missing dependency " + s.name());
            }
            found.forEach(c -> progress.working(line(c), "Waiting"));
            pending.put(s.name(), found);
        }
        String firstFailure = null;
        while (!pending.isEmpty()) {
            if (System.nanoTime() >= deadline) {
                throw new DockerError(1, "application not healthy after " + GoTime.formatDuration(timeout.toNanos()));
            }
            Thread.sleep(Math.max(1, Math.min(POLL_MS, (deadline - System.nanoTime()) / 1_000_000)));
            for (String service : new ArrayList<>(pending.keySet())) {
                boolean completion = completesForAnother(project, service);
                Look look = completion ? completed(service, pending.get(service), progress)
                        : runningOrHealthy(pending.get(service));
                if (look.ready()) {
                    pending.get(service).forEach(c -> progress.done(line(c), completion ? "Exited" : "Healthy"));
                }
                if (look.ready() || look.failure() != null) {
                    pending.remove(service);
                    firstFailure = firstFailure == null ? look.failure() : firstFailure;
                }
            }
        }
        if (firstFailure != null) {
            throw new DockerError(1, firstFailure);
        }
    }

    /** Whether another service waits for this one to complete: then --wait does too (else it never ends). */
    static boolean completesForAnother(ComposeProject project, String service) {
        for (ComposeProject.Service s : project.services().values()) {
            ComposeProject.Dependency d = s.dependsOn().get(service);
            if (d != null && d.condition().equals("service_completed_successfully")) {
                return true;
            }
        }
        return false;
    }

    /** Compose's isServiceHealthy falling back on "running" for a container without a health check. */
    private Look runningOrHealthy(List<ContainerSummary> containers) throws DaemonError, DockerError, InterruptedException {
        for (ContainerSummary c : containers) {
            InspectContainerResponse inspect = ctx.answer(client -> client.inspectContainerCmd(c.getId()).exec());
            Look look = runningOrHealthy(ProjectContainers.name(c), inspect);
            if (!look.ready()) {
                return look;
            }
        }
        return Look.READY;
    }

    static Look runningOrHealthy(String name, InspectContainerResponse inspect) {
        var state = inspect.getState();
        if ("exited".equals(state.getStatus())) {
            return Look.failed("container " + name + " exited (" + state.getExitCodeLong() + ")");
        }
        if (inspect.getConfig() == null || inspect.getConfig().getHealthcheck() == null) {
            return "running".equals(state.getStatus()) ? Look.READY : Look.NOT_YET;
        }
        if (state.getHealth() == null) {
            return Look.failed("container " + name + " has no healthcheck configured");
        }
        String health = state.getHealth().getStatus();
        return switch (health == null ? "" : health) {
            case "healthy" -> Look.READY;
            case "unhealthy" -> Look.failed("container " + name + " is unhealthy");
            case "starting" -> Look.NOT_YET;
            default -> Look.failed("container " + name + " had unexpected health status \"" + health + "\"");
        };
    }

    /** Compose's isServiceCompleted: the first container that has exited decides, with its code. */
    private Look completed(String service, List<ContainerSummary> containers, ProgressPanel progress)
            throws DaemonError, DockerError, InterruptedException {
        for (ContainerSummary c : containers) {
            var state = ctx.answer(client -> client.inspectContainerCmd(c.getId()).exec()).getState();
            if ("exited".equals(state.getStatus())) {
                long code = state.getExitCodeLong() == null ? 0 : state.getExitCodeLong();
                if (code == 0) {
                    return Look.READY;
                }
                String failure = "service \"" + service + "\" didn't complete successfully: exit " + code;
                containers.forEach(each -> progress.error(line(each), failure));
                return Look.failed(failure);
            }
        }
        return Look.NOT_YET;
    }

    private static String line(ContainerSummary c) {
        return "Container " + ProjectContainers.name(c);
    }
}
