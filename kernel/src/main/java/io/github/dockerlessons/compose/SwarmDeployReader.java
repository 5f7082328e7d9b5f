package io.github.dockerlessons.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code deploy:} whole, for {@code docker stack deploy} (the CLI's v3 keys: mode, replicas,
 * labels, placement, endpoint_mode, resources, update_config, rollback_config, restart_policy). A key
 * outside them is an error at its line, as in the rest of the loader.
 */
final class SwarmDeployReader {
    private static final Set<String> DEPLOY = Set.of("mode", "replicas", "labels", "placement", "endpoint_mode",
            "resources", "update_config", "rollback_config", "restart_policy");
    private static final Set<String> PLACEMENT = Set.of("constraints", "preferences", "max_replicas_per_node");
    private static final Set<String> RESOURCES = Set.of("limits", "reservations");
    private static final Set<String> LIMITS = Set.of("cpus", "memory", "pids");
    private static final Set<String> UPDATE = Set.of("parallelism", "delay", "failure_action", "monitor",
            "max_failure_ratio", "order");
    private static final Set<String> RESTART = Set.of("condition", "delay", "max_attempts", "window");

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");

    private final ProjectReader reader;
    private final RunSettingsReader values;

    SwarmDeployReader(ProjectReader reader, RunSettingsReader values) {
        this.reader = reader;
        this.values = values;
    }

    SwarmDeploy read(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping deploy)) {
            return SwarmDeploy.NONE;
        }
        reader.supported(deploy, DEPLOY, path);
        List<String> constraints = List.of();
        List<String> preferences = new ArrayList<>();
        Long maxReplicas = null;
        if (deploy.get("placement") instanceof YamlNode.Mapping placement) {
            reader.supported(placement, PLACEMENT, path + ".placement");
            constraints = ProjectReader.strings(placement.get("constraints"));
            if (placement.get("preferences") instanceof YamlNode.Sequence list) {
                for (YamlNode item : list.items()) {
                    if (item instanceof YamlNode.Mapping preference) {
                        reader.supported(preference, Set.of("spread"), path + ".placement.preferences");
                        preferences.add(ProjectReader.text(preference.get("spread")));
                    }
                }
            }
            maxReplicas = unsigned(placement.get("max_replicas_per_node"), path + ".placement.max_replicas_per_node",
                    "Deploy.Placement.MaxReplicas");
        }
        Limits limits = new Limits(null, null);
        if (deploy.get("resources") instanceof YamlNode.Mapping resources) {
            reader.supported(resources, RESOURCES, path + ".resources");
            limits = new Limits(limits(resources.get("limits"), path + ".resources.limits"),
                    limits(resources.get("reservations"), path + ".resources.reservations"));
        }
        return new SwarmDeploy(ProjectReader.text(deploy.get("mode")),
                unsigned(deploy.get("replicas"), path + ".replicas", "Deploy.Replicas"), ProjectReader.dict(deploy.get("labels")),
                constraints, preferences, maxReplicas, ProjectReader.text(deploy.get("endpoint_mode")), limits.limits(),
                limits.reservations(), update(deploy.get("update_config"), path + ".update_config"),
                update(deploy.get("rollback_config"), path + ".rollback_config"),
                restart(deploy.get("restart_policy"), path + ".restart_policy"));
    }

    private record Limits(SwarmDeploy.Limits limits, SwarmDeploy.Limits reservations) { }

    private SwarmDeploy.Limits limits(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping map)) {
            return null;
        }
        reader.supported(map, LIMITS, path);
        return new SwarmDeploy.Limits(ProjectReader.text(map.get("cpus")), values.bytes(map.get("memory"), path + ".memory"),
                values.integer(map.get("pids"), path + ".pids"));
    }

    private SwarmDeploy.UpdatePolicy update(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping map)) {
            return null;
        }
        reader.supported(map, UPDATE, path);
        String ratio = ProjectReader.text(map.get("max_failure_ratio"));
        // a decimal number as YAML writes one: Java's Double.valueOf also takes "NaN", "Infinity", "0x1p3"
        // and "1d", and JSON has no NaN for the engine (the kernel sent one, which the engine could not parse)
        if (ratio != null && (!DECIMAL.matcher(ratio).matches() || Double.valueOf(ratio).isInfinite())) {
            throw new ComposeFileError(path + ".max_failure_ratio must be a number", reader.file(),
                    map.get("max_failure_ratio").position());
        }
        Double maxFailureRatio = ratio == null ? null : Double.valueOf(ratio);
        return new SwarmDeploy.UpdatePolicy(unsigned(map.get("parallelism"), path + ".parallelism",
                "Deploy.UpdateConfig.Parallelism"),
                values.nanos(map.get("delay"), path + ".delay"), ProjectReader.text(map.get("failure_action")),
                values.nanos(map.get("monitor"), path + ".monitor"), maxFailureRatio, ProjectReader.text(map.get("order")));
    }

    private SwarmDeploy.Restart restart(YamlNode node, String path) throws ComposeFileError {
        if (!(node instanceof YamlNode.Mapping map)) {
            return null;
        }
        reader.supported(map, RESTART, path);
        return new SwarmDeploy.Restart(ProjectReader.text(map.get("condition")), values.nanos(map.get("delay"), path + ".delay"),
                unsigned(map.get("max_attempts"), path + ".max_attempts", "Deploy.RestartPolicy.MaxAttempts"),
                values.nanos(map.get("window"), path + ".window"));
    }

    /**
     * A count the CLI decodes into a uint64: a negative one is refused as it loads the file
     * (mapstructure's words), before the stack's network is made, not sent for the engine's JSON error.
     */
    private Long unsigned(YamlNode node, String path, String field) throws ComposeFileError {
        Long value = values.integer(node, path);
        if (value != null && value < 0) {
            throw new ComposeFileError("cannot parse '" + field + "', " + value + " overflows uint", reader.file(),
                    node.position());
        }
        return value;
    }
}
