package io.github.dockerlessons.command.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.math.BigInteger;
import java.util.List;

/**
 * {@code docker service update [OPTIONS] SERVICE}: the changes the courses make (image, replicas, env,
 * published ports, constraints, limits, update and rollback settings, --force), then the rolling
 * update followed unless -d.
 */
public final class ServiceUpdateCommand extends DeclaredCommand {
    private static final Flag<String> IMAGE = Flag.string("image");
    private static final Flag<BigInteger> REPLICAS = Flag.of('\0', "replicas", ServiceSpecs.UINT64, null);
    private static final Flag<List<String>> ENV_ADD = Flag.list("env-add");
    private static final Flag<List<String>> ENV_RM = Flag.list("env-rm");
    private static final Flag<List<List<JsonObject>>> PUBLISH_ADD = Flag.of('\0', "publish-add", ServiceSpecs.PORTS, List.of());
    private static final Flag<List<List<JsonObject>>> PUBLISH_RM = Flag.of('\0', "publish-rm", ServiceSpecs.PORTS, List.of());
    private static final Flag<List<String>> CONSTRAINT_ADD = Flag.list("constraint-add");
    private static final Flag<List<String>> CONSTRAINT_RM = Flag.list("constraint-rm");
    private static final Flag<List<String>> SECRET_ADD = Flag.list("secret-add");
    private static final Flag<List<String>> SECRET_RM = Flag.list("secret-rm");
    private static final Flag<List<String>> CONFIG_ADD = Flag.list("config-add");
    private static final Flag<List<String>> CONFIG_RM = Flag.list("config-rm");
    private static final Flag<List<String>> LABEL_ADD = Flag.list("label-add");
    private static final Flag<List<String>> LABEL_RM = Flag.list("label-rm");
    private static final Flag<List<String>> MOUNT_ADD = Flag.list("mount-add");
    private static final Flag<List<String>> MOUNT_RM = Flag.list("mount-rm");
    private static final Flag<List<String>> NETWORK_ADD = Flag.list("network-add");
    private static final Flag<List<String>> NETWORK_RM = Flag.list("network-rm");
    private static final Flag<String> LIMIT_CPU = Flag.string("limit-cpu");
    private static final Flag<String> LIMIT_MEMORY = Flag.string("limit-memory");
    private static final Flag<Boolean> FORCE = Flag.bool("force");
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> NO_RESOLVE_IMAGE = Flag.bool("no-resolve-image");
    private static final UpdateFlags UPDATE = new UpdateFlags("update");
    private static final UpdateFlags ROLLBACK = new UpdateFlags("rollback");
    /** The CLI's server-side rollback, as `docker service rollback` does it; it takes no other change. */
    private static final Flag<Boolean> ROLLBACK_NOW = Flag.bool("rollback");

    public ServiceUpdateCommand() {
        super(CommandSpec.command("service update", "docker service update [OPTIONS] SERVICE")
                .flags(CONFIG_ADD, CONFIG_RM, CONSTRAINT_ADD, CONSTRAINT_RM, DETACH, ENV_ADD, ENV_RM, FORCE, IMAGE,
                        LABEL_ADD, LABEL_RM, LIMIT_CPU, LIMIT_MEMORY, MOUNT_ADD, MOUNT_RM, NETWORK_ADD, NETWORK_RM,
                        NO_RESOLVE_IMAGE, PUBLISH_ADD, PUBLISH_RM, QUIET, REPLICAS, ROLLBACK_NOW, SECRET_ADD, SECRET_RM,
                        ROLLBACK.delay, ROLLBACK.failureAction, ROLLBACK.maxFailureRatio, ROLLBACK.monitor, ROLLBACK.order,
                        ROLLBACK.parallelism, UPDATE.delay, UPDATE.failureAction, UPDATE.maxFailureRatio, UPDATE.monitor,
                        UPDATE.order, UPDATE.parallelism)
                .takes(Arity.exactly(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        if (in.get(ROLLBACK_NOW)) {
            boolean otherFlags = in.flags().given().stream()
                    .anyMatch(f -> f != ROLLBACK_NOW && f != DETACH && f != QUIET);
            if (otherFlags) {
                throw new DockerError(1, "other flags may not be combined with --rollback", null);
            }
            ServiceRollbackCommand.rollBack(ctx, in.arg(0), in.get(DETACH), in.get(QUIET));
            return;
        }
        String name = in.arg(0);
        JsonObject service = Services.inspect(ctx, name);
        JsonObject spec = Services.specOf(service);
        JsonObject task = ServiceSpecs.child(spec, "TaskTemplate");
        JsonObject container = ServiceSpecs.child(task, "ContainerSpec");
        ImageDigest.Resolved image = null;
        if (in.get(IMAGE) != null) {
            image = ImageDigest.resolved(ctx, in.get(IMAGE), !in.get(NO_RESOLVE_IMAGE));
            container.addProperty("Image", image.image());
        }
        if (in.get(REPLICAS) != null) {
            JsonObject replicated = SwarmApi.at(spec, "Mode", "Replicated");
            if (replicated == null) {
                throw new DockerError(1, "replicas can only be used with replicated or replicated-job mode", null);
            }
            replicated.addProperty("Replicas", in.get(REPLICAS));
        }
        JsonArray env = ServiceSpecs.array(container, "Env");
        for (String key : in.get(ENV_RM)) {
            removeIf(env, e -> e.equals(key) || e.startsWith(key + "="));
        }
        for (String added : in.get(ENV_ADD)) {
            String key = added.contains("=") ? added.substring(0, added.indexOf('=')) : added;
            removeIf(env, e -> e.equals(key) || e.startsWith(key + "="));
            env.add(added);
        }
        JsonObject placement = ServiceSpecs.child(task, "Placement");
        JsonArray constraints = ServiceSpecs.array(placement, "Constraints");
        for (String rm : in.get(CONSTRAINT_RM)) {
            removeIf(constraints, c -> c.equals(rm));
        }
        for (String add : in.get(CONSTRAINT_ADD)) {
            removeIf(constraints, c -> c.equals(add));
            constraints.add(add);
        }
        if (in.get(LIMIT_CPU) != null || in.get(LIMIT_MEMORY) != null) {
            JsonObject limits = ServiceSpecs.child(ServiceSpecs.child(task, "Resources"), "Limits");
            ServiceCreateCommand.limits(in.get(LIMIT_CPU), "--limit-cpu", in.get(LIMIT_MEMORY), "--limit-memory")
                    .entrySet().forEach(e -> limits.add(e.getKey(), e.getValue()));
        }
        JsonObject endpoint = ServiceSpecs.child(spec, "EndpointSpec");
        JsonArray ports = ServiceSpecs.array(endpoint, "Ports");
        for (List<JsonObject> rm : in.get(PUBLISH_RM)) {
            rm.forEach(gone -> removeIf(ports, gone));
        }
        in.get(PUBLISH_ADD).forEach(add -> add.forEach(ports::add));
        ServiceChanges.labels(ServiceSpecs.child(spec, "Labels"), in.get(LABEL_ADD), in.get(LABEL_RM));
        ServiceChanges.mounts(container, in.get(MOUNT_ADD), in.get(MOUNT_RM));
        ServiceChanges.networks(ctx, task, in.get(NETWORK_ADD), in.get(NETWORK_RM));
        ServiceChanges.references(ctx, container, FileReferences.SECRET, "Secrets", in.get(SECRET_ADD), in.get(SECRET_RM),
                "--secret-add");
        ServiceChanges.references(ctx, container, FileReferences.CONFIG, "Configs", in.get(CONFIG_ADD), in.get(CONFIG_RM),
                "--config-add");
        UPDATE.apply(in, ServiceSpecs.child(spec, "UpdateConfig"));
        ROLLBACK.apply(in, ServiceSpecs.child(spec, "RollbackConfig"));
        if (in.get(FORCE)) {
            task.addProperty("ForceUpdate", (task.has("ForceUpdate") ? task.get("ForceUpdate").getAsLong() : 0) + 1);
        }
        Services.update(ctx, service, spec);
        ImageDigest.warn(ctx, image);
        ctx.console().out(name + "\n");
        if (!in.get(DETACH)) {
            ServiceProgress.follow(ctx, SwarmApi.text(service, "ID"), name, false, in.get(QUIET));
        }
    }

    /** Removes the strings that match. */
    private static void removeIf(JsonArray array, java.util.function.Predicate<String> match) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (match.test(array.get(i).getAsString())) {
                array.remove(i);
            }
        }
    }

    /** Removes the ports that publish the same target port and protocol (the CLI's --publish-rm). */
    private static void removeIf(JsonArray ports, JsonObject gone) {
        for (int i = ports.size() - 1; i >= 0; i--) {
            JsonElement port = ports.get(i);
            JsonObject p = port.getAsJsonObject();
            boolean sameTarget = SwarmApi.text(p, "TargetPort").equals(SwarmApi.text(gone, "TargetPort"))
                    || SwarmApi.text(p, "PublishedPort").equals(SwarmApi.text(gone, "TargetPort"));
            if (sameTarget && SwarmApi.text(p, "Protocol").equals(SwarmApi.text(gone, "Protocol"))) {
                ports.remove(i);
            }
        }
    }
}
