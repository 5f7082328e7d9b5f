package io.github.dockerlessons.command.service;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.command.swarm.TaskListing;
import io.github.dockerlessons.render.Bundle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CLI's service progress (cli/command/service/progress) after create, update, scale and rollback
 * without -d: the overall count of running tasks, a bar per replica slot (up to 20) as its task goes
 * from new to running, then a wait of the update monitor period (5 s by default) that the tasks stay
 * up, and "verify: Service ID converged". One display, updated in place as a terminal redraws it.
 */
public final class ServiceProgress {
    private static final List<String> STATES = List.of("new", "allocated", "pending", "assigned", "accepted",
            "preparing", "ready", "starting", "running", "complete", "shutdown", "failed", "rejected");
    private static final int RUNNING = STATES.indexOf("running") + 1;
    private static final int MAX_BARS = 20;
    private static final int BAR_WIDTH = 50;
    private static final Duration POLL = Duration.ofMillis(200);

    private ServiceProgress() {
    }

    /** The progress a command that waits shows (stack deploy's), naming the service by its ID. */
    public static void follow(CommandContext ctx, String serviceId, boolean rollback) throws DockerError, InterruptedException {
        follow(ctx, serviceId, serviceId, rollback, false);
    }

    static void follow(CommandContext ctx, String serviceId, boolean rollback, boolean quiet)
            throws DockerError, InterruptedException {
        follow(ctx, serviceId, serviceId, rollback, quiet);
    }

    /**
     * The same, naming the service in its last line as the user did: the CLI's update, scale and rollback
     * pass WaitOnService the name typed ("verify: Service web converged"), create the new ID. With -q
     * the CLI waits all the same and shows nothing.
     */
    static void follow(CommandContext ctx, String serviceId, String shownAs, boolean rollback, boolean quiet)
            throws DockerError, InterruptedException {
        TaskListing listing = new TaskListing(ctx, false);
        String display = null;
        Instant convergedAt = null;
        Map<Integer, Integer> slots = new LinkedHashMap<>();
        while (true) {
            JsonObject service = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/services/", serviceId)));
            String updateState = SwarmApi.text(service, "UpdateStatus", "State");
            String message = SwarmApi.text(service, "UpdateStatus", "Message");
            if (updateState.equals("paused")) {
                throw new DockerError(1, "service update paused: " + message, null);
            }
            if (updateState.equals("rollback_paused")) {
                throw new DockerError(1, "service rollback paused: " + message, null);
            }
            String monitorText = SwarmApi.text(service, "Spec", "UpdateConfig", "Monitor");
            Duration monitor = monitorText.isEmpty() || monitorText.equals("0") ? Duration.ofSeconds(5)
                    : Duration.ofNanos(Long.parseLong(monitorText));
            Map<String, List<String>> filters = new TreeMap<>();
            filters.put("service", List.of(serviceId));
            filters.put("_up-to-date", List.of("true"));
            List<JsonObject> tasks = listing.tasks(filters);
            List<String> lines = new ArrayList<>();
            boolean converged = lines(service, tasks, slots, rollback, lines);
            Instant now = Instant.now();
            if (converged) {
                convergedAt = convergedAt == null ? now : convergedAt;
                Duration left = monitor.minus(Duration.between(convergedAt, now));
                lines.add(left.isNegative() || left.isZero() ? "verify: Service " + shownAs + " converged "
                        : "verify: Waiting " + (left.toSeconds() + 1) + " seconds to verify that tasks are stable... ");
            } else {
                if (convergedAt != null) {
                    lines.add("verify: Detected task failure ");
                }
                convergedAt = null;
            }
            Bundle frame = Bundle.text(String.join("\n", lines) + "\n");
            if (quiet) {
                // waits without a display
            } else if (display == null) {
                display = ctx.console().showUpdatable(frame);
            } else {
                ctx.console().update(display, frame);
            }
            if (converged && !Duration.between(convergedAt, now).minus(monitor).isNegative()) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** This poll's lines; true when every wanted task runs. */
    private static boolean lines(JsonObject service, List<JsonObject> tasks, Map<Integer, Integer> slots, boolean rollback,
                                 List<String> lines) {
        String prefix = "overall progress: " + (rollback ? "rolling back update: " : "");
        String replicasText = SwarmApi.text(service, "Spec", "Mode", "Replicated", "Replicas");
        if (SwarmApi.at(service, "Spec", "Mode", "Replicated") == null) {
            // global: one task per node, each wanted running
            int running = 0;
            int wanted = 0;
            for (JsonObject task : tasks) {
                if (!terminal(SwarmApi.text(task, "DesiredState"))) {
                    wanted++;
                    if (SwarmApi.text(task, "Status", "State").equals("running")) {
                        running++;
                    }
                }
            }
            lines.add(wanted == 0 ? prefix + "waiting for new tasks " : prefix + running + " out of " + wanted + " tasks ");
            return wanted > 0 && running == wanted;
        }
        int replicas = replicasText.isEmpty() ? 0 : Integer.parseInt(replicasText);
        Map<Integer, JsonObject> bySlot = new TreeMap<>();
        for (JsonObject task : tasks) {
            int desired = STATES.indexOf(SwarmApi.text(task, "DesiredState")) + 1;
            int state = STATES.indexOf(SwarmApi.text(task, "Status", "State")) + 1;
            if (desired == 0 || state == 0) {
                continue;
            }
            int slot = Integer.parseInt(SwarmApi.text(task, "Slot").isEmpty() ? "0" : SwarmApi.text(task, "Slot"));
            JsonObject existing = bySlot.get(slot);
            if (existing != null) {
                int existingDesired = STATES.indexOf(SwarmApi.text(existing, "DesiredState")) + 1;
                int existingState = STATES.indexOf(SwarmApi.text(existing, "Status", "State")) + 1;
                if (existingDesired < desired || existingDesired == desired && existingState <= state) {
                    continue;
                }
            }
            bySlot.put(slot, task);
        }
        int running = 0;
        String[] bars = new String[replicas + 1];
        for (JsonObject task : bySlot.values()) {
            int slot = Integer.parseInt(SwarmApi.text(task, "Slot"));
            int mapped = slots.computeIfAbsent(slot, s -> slots.size() + 1);
            String state = SwarmApi.text(task, "Status", "State");
            if (!terminal(SwarmApi.text(task, "DesiredState")) && state.equals("running")) {
                running++;
            }
            if (mapped <= replicas) {
                String err = SwarmApi.text(task, "Status", "Err");
                if (!err.isEmpty()) {
                    bars[mapped] = err.length() > 50 ? err.substring(0, 49) + "…" : err;
                } else if (!terminal(SwarmApi.text(task, "DesiredState")) && !terminal(state)) {
                    bars[mapped] = String.format("%-9s ", state) + bar(STATES.indexOf(state) + 1, RUNNING);
                }
            }
        }
        lines.add(prefix + running + " out of " + replicas + " tasks ");
        if (replicas <= MAX_BARS) {
            for (int i = 1; i <= replicas; i++) {
                lines.add(i + "/" + replicas + ": " + (bars[i] == null ? " " : bars[i]) + " ");
            }
        }
        return running == replicas;
    }

    /** A state past running: complete, shutdown, failed, rejected. */
    private static boolean terminal(String state) {
        return STATES.indexOf(state) + 1 > RUNNING;
    }

    /** The progress bar of docker's jsonmessage: 50 wide, '=' up to the current step, then '>'. */
    private static String bar(int current, int total) {
        int filled = Math.min(BAR_WIDTH, (int) (BAR_WIDTH * (long) current / total));
        return "[" + "=".repeat(filled) + ">" + " ".repeat(BAR_WIDTH - filled) + "]";
    }

}
