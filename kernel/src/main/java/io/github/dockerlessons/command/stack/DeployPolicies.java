package io.github.dockerlessons.command.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.SwarmDeploy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a stack service's spec that come from {@code deploy:} and the service's own run
 * settings, as the CLI's compose/convert writes them: mode, resources, restart, update and rollback
 * policies, healthcheck, published ports. Pure: no engine is asked.
 */
final class DeployPolicies {
    private DeployPolicies() {
    }

    static JsonObject mode(SwarmDeploy deploy) throws DockerError {
        JsonObject mode = new JsonObject();
        String given = deploy.mode() == null ? "" : deploy.mode();
        switch (given) {
            case "global", "global-job" -> {
                if (deploy.replicas() != null) {
                    throw new DockerError(1, "replicas can only be used with replicated or replicated-job mode", null);
                }
                mode.add(given.equals("global") ? "Global" : "GlobalJob", new JsonObject());
            }
            case "replicated-job" -> {
                JsonObject job = new JsonObject();
                if (deploy.replicas() != null) {
                    job.addProperty("MaxConcurrent", deploy.replicas());
                    job.addProperty("TotalCompletions", deploy.replicas());
                }
                mode.add("ReplicatedJob", job);
            }
            case "replicated", "" -> {
                JsonObject replicated = new JsonObject();
                if (deploy.replicas() != null) {
                    replicated.addProperty("Replicas", deploy.replicas());
                }
                mode.add("Replicated", replicated);
            }
            default -> throw new DockerError(1, "Unknown mode: " + given, null);
        }
        return mode;
    }

    static JsonObject resources(SwarmDeploy deploy) throws DockerError {
        JsonObject resources = new JsonObject();
        if (deploy.limits() != null) {
            resources.add("Limits", limit(deploy.limits(), true));
        }
        if (deploy.reservations() != null) {
            resources.add("Reservations", limit(deploy.reservations(), false));
        }
        return resources;
    }

    static JsonObject limit(SwarmDeploy.Limits limits, boolean withPids) throws DockerError {
        JsonObject limit = new JsonObject();
        if (limits.cpus() != null) {
            limit.addProperty("NanoCPUs", nanoCpus(limits.cpus()));
        }
        if (limits.memory() != null) {
            limit.addProperty("MemoryBytes", limits.memory());
        }
        if (withPids && limits.pids() != null) {
            limit.addProperty("Pids", limits.pids());
        }
        return limit;
    }

    /** The CLI's opts.ParseCPUs: "0.5" is 500000000 nano CPUs. */
    static long nanoCpus(String value) throws DockerError {
        try {
            return new BigDecimal(value).movePointRight(9).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DockerError(1, "failed to parse " + value + " as a rational number", null);
        }
    }

    /** The CLI's convertRestartPolicy: deploy.restart_policy, else the service's restart: as swarm takes it. */
    static JsonObject restartPolicy(String restart, SwarmDeploy.Restart given) throws DockerError {
        JsonObject policy = new JsonObject();
        if (given != null) {
            if (given.condition() != null) {
                policy.addProperty("Condition", given.condition());
            }
            if (given.delay() != null) {
                policy.addProperty("Delay", given.delay());
            }
            if (given.maxAttempts() != null) {
                policy.addProperty("MaxAttempts", given.maxAttempts());
            }
            if (given.window() != null) {
                policy.addProperty("Window", given.window());
            }
            return policy;
        }
        if (restart == null || restart.isEmpty() || restart.equals("no")) {
            return null;
        }
        String[] parts = restart.split(":", 2);
        switch (parts[0]) {
            case "always", "unless-stopped" -> policy.addProperty("Condition", "any");
            case "on-failure" -> {
                policy.addProperty("Condition", "on-failure");
                try {
                    policy.addProperty("MaxAttempts", parts.length > 1 ? Long.parseLong(parts[1]) : 0);
                } catch (NumberFormatException e) {
                    throw new DockerError(1, "invalid restart policy format: maximum retry count must be an integer",
                            null);
                }
            }
            default -> throw new DockerError(1, "unknown restart policy: " + restart, null);
        }
        return policy;
    }

    static JsonObject update(SwarmDeploy.UpdatePolicy given) {
        JsonObject config = new JsonObject();
        config.addProperty("Parallelism", given.parallelism() == null ? 1 : given.parallelism());
        if (given.delay() != null) {
            config.addProperty("Delay", given.delay());
        }
        if (given.failureAction() != null) {
            config.addProperty("FailureAction", given.failureAction());
        }
        if (given.monitor() != null) {
            config.addProperty("Monitor", given.monitor());
        }
        config.addProperty("MaxFailureRatio", given.maxFailureRatio() == null ? 0 : given.maxFailureRatio());
        if (given.order() != null) {
            config.addProperty("Order", given.order());
        }
        return config;
    }

    static JsonObject healthcheck(ComposeProject.Healthcheck given) {
        JsonObject health = new JsonObject();
        if (given.disable()) {
            health.add("Test", strings(List.of("NONE")));
            return health;
        }
        if (given.test() != null) {
            health.add("Test", strings(given.test()));
        }
        if (given.interval() != null) {
            health.addProperty("Interval", given.interval());
        }
        if (given.timeout() != null) {
            health.addProperty("Timeout", given.timeout());
        }
        if (given.startPeriod() != null) {
            health.addProperty("StartPeriod", given.startPeriod());
        }
        if (given.retries() != null) {
            health.addProperty("Retries", given.retries());
        }
        return health;
    }

    /** Published ports through the routing mesh (ingress) unless the file says host; sorted by published port. */
    static JsonObject endpoint(String endpointMode, List<ComposeProject.Port> ports) throws DockerError {
        JsonObject endpoint = new JsonObject();
        if (endpointMode != null) {
            endpoint.addProperty("Mode", endpointMode.toLowerCase(Locale.ROOT));
        }
        List<JsonObject> configs = new ArrayList<>();
        for (ComposeProject.Port port : ports) {
            long[] targets = range(port.target());
            long[] published = port.published() == null || port.published().isEmpty() ? null : range(port.published());
            for (int i = 0; i < targets.length; i++) {
                JsonObject config = new JsonObject();
                config.addProperty("Protocol", port.protocol() == null ? "tcp" : port.protocol());
                config.addProperty("TargetPort", targets[i]);
                if (published != null) {
                    config.addProperty("PublishedPort", published[Math.min(i, published.length - 1)]);
                }
                config.addProperty("PublishMode", "ingress");
                configs.add(config);
            }
        }
        configs.sort(Comparator.comparingLong(c -> c.has("PublishedPort") ? c.get("PublishedPort").getAsLong() : 0));
        JsonArray array = new JsonArray();
        configs.forEach(array::add);
        endpoint.add("Ports", array);
        return endpoint;
    }

    /**
     * A port or a range of ports of the file; no port is beyond 65535, so neither is the count
     * (a range as long as the user typed was made an array of that size: "1-300000000" ended the kernel).
     * No target is port 0, as the CLI sends it.
     */
    static long[] range(String ports) throws DockerError {
        if (ports == null || ports.isEmpty()) {
            return new long[]{0};
        }
        try {
            int dash = ports.indexOf('-', 1);
            if (dash < 0) {
                return new long[]{Integer.toUnsignedLong(Integer.parseUnsignedInt(ports))}; // the API's uint32
            }
            long first = port(ports.substring(0, dash));
            long last = port(ports.substring(dash + 1));
            if (last < first) {
                throw new NumberFormatException();
            }
            long[] all = new long[(int) (last - first + 1)];
            for (int i = 0; i < all.length; i++) {
                all[i] = first + i;
            }
            return all;
        } catch (NumberFormatException e) {
            throw new DockerError(1, "invalid port: " + ports, null);
        }
    }

    private static long port(String text) {
        long port = Long.parseLong(text);
        if (port < 0 || port > 65535) {
            throw new NumberFormatException();
        }
        return port;
    }

    private static JsonArray strings(List<String> values) {
        return StackSpecs.strings(values);
    }
}
