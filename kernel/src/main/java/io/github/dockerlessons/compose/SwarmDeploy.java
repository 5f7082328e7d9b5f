package io.github.dockerlessons.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code deploy:} as {@code docker stack deploy} reads it (the CLI's compose types): what
 * a swarm service is made of beyond its container. Null is "not in the file" (the engine's default).
 *
 * @param mode        replicated (null: the same), global, replicated-job or global-job
 * @param constraints placement constraints, in file order
 * @param preferences placement preferences: the spread descriptors
 * @param endpointMode vip or dnsrr
 */
public record SwarmDeploy(String mode, Long replicas, Map<String, String> labels, List<String> constraints,
                          List<String> preferences, Long maxReplicasPerNode, String endpointMode, Limits limits,
                          Limits reservations, UpdatePolicy update, UpdatePolicy rollback, Restart restart) {
    public SwarmDeploy {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        constraints = List.copyOf(constraints);
        preferences = List.copyOf(preferences);
    }

    /** A service without a {@code deploy:} key. */
    public static final SwarmDeploy NONE = new SwarmDeploy(null, null, Map.of(), List.of(), List.of(), null, null,
            null, null, null, null, null);

    /** {@code resources.limits} or {@code resources.reservations}: cpus as written, memory in bytes. */
    public record Limits(String cpus, Long memory, Long pids) { }

    /** {@code update_config} or {@code rollback_config}; durations in nanoseconds. */
    public record UpdatePolicy(Long parallelism, Long delay, String failureAction, Long monitor,
                               Double maxFailureRatio, String order) { }

    /** {@code restart_policy}; durations in nanoseconds. */
    public record Restart(String condition, Long delay, Long maxAttempts, Long window) { }
}
