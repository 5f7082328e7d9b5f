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
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.golang.Units;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * {@code docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]}: a service of the courses' flags
 * (replicas or global mode, published ports, env, mounts, networks, constraints, update and rollback
 * settings, limits, healthcheck); prints its ID, then follows its tasks until they run unless -d.
 */
public final class ServiceCreateCommand extends DeclaredCommand {
    private static final Flag<String> NAME = Flag.string("name");
    private static final Flag<String> MODE = Flag.of('\0', "mode", FlagType.STRING, "replicated");
    private static final Flag<BigInteger> REPLICAS = Flag.of('\0', "replicas", ServiceSpecs.UINT64, null);
    private static final Flag<List<List<JsonObject>>> PUBLISH = Flag.of('p', "publish", ServiceSpecs.PORTS, List.of());
    private static final Flag<List<String>> ENV = Flag.list('e', "env");
    private static final Flag<List<String>> LABEL = Flag.list('l', "label");
    private static final Flag<List<String>> CONTAINER_LABEL = Flag.list("container-label");
    private static final Flag<List<String>> MOUNT = Flag.list("mount");
    private static final Flag<List<String>> NETWORK = Flag.list("network");
    private static final Flag<List<String>> CONSTRAINT = Flag.list("constraint");
    private static final Flag<List<String>> SECRET = Flag.list("secret");
    private static final Flag<List<String>> CONFIG = Flag.list("config");
    private static final Flag<String> WORKDIR = Flag.string('w', "workdir");
    private static final Flag<String> USER = Flag.string('u', "user");
    private static final Flag<String> HOSTNAME = Flag.string("hostname");
    private static final Flag<String> ENTRYPOINT = Flag.string("entrypoint");
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> NO_RESOLVE_IMAGE = Flag.bool("no-resolve-image");
    private static final Flag<String> LIMIT_CPU = Flag.string("limit-cpu");
    private static final Flag<String> LIMIT_MEMORY = Flag.string("limit-memory");
    private static final Flag<String> RESERVE_CPU = Flag.string("reserve-cpu");
    private static final Flag<String> RESERVE_MEMORY = Flag.string("reserve-memory");
    private static final Flag<String> HEALTH_CMD = Flag.string("health-cmd");
    private static final Flag<String> HEALTH_INTERVAL = Flag.string("health-interval");
    private static final Flag<String> HEALTH_TIMEOUT = Flag.string("health-timeout");
    private static final Flag<Integer> HEALTH_RETRIES = Flag.integer('\0', "health-retries", 0);
    private static final Flag<String> HEALTH_START_PERIOD = Flag.string("health-start-period");
    private static final Flag<Boolean> NO_HEALTHCHECK = Flag.bool("no-healthcheck");
    private static final Flag<String> RESTART_CONDITION = Flag.string("restart-condition");
    static final UpdateFlags UPDATE = new UpdateFlags("update");
    static final UpdateFlags ROLLBACK = new UpdateFlags("rollback");

    public ServiceCreateCommand() {
        super(CommandSpec.command("service create",
                        "docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]")
                .flags(CONFIG, CONSTRAINT, CONTAINER_LABEL, DETACH, ENTRYPOINT, ENV, HEALTH_CMD, HEALTH_INTERVAL, HEALTH_RETRIES,
                        HEALTH_START_PERIOD, HEALTH_TIMEOUT, HOSTNAME, LABEL, LIMIT_CPU, LIMIT_MEMORY, MODE, MOUNT, NAME,
                        NETWORK, NO_HEALTHCHECK, NO_RESOLVE_IMAGE, PUBLISH, QUIET, REPLICAS, RESERVE_CPU, RESERVE_MEMORY,
                        RESTART_CONDITION, ROLLBACK.delay, ROLLBACK.failureAction, ROLLBACK.maxFailureRatio,
                        ROLLBACK.monitor, ROLLBACK.order, ROLLBACK.parallelism, SECRET, UPDATE.delay, UPDATE.failureAction,
                        UPDATE.maxFailureRatio, UPDATE.monitor, UPDATE.order, UPDATE.parallelism, USER, WORKDIR)
                .flagsEndAtFirstArgument()
                .takes(Arity.atLeast(1), Arguments.first(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        JsonObject spec = new JsonObject();
        if (in.get(NAME) != null) {
            spec.addProperty("Name", in.get(NAME));
        }
        spec.add("Labels", labels(in.get(LABEL)));
        JsonObject task = new JsonObject();
        JsonObject container = new JsonObject();
        container.addProperty("Image", in.arg(0)); // resolved once the spec is known to be valid, as the CLI
        container.add("Labels", labels(in.get(CONTAINER_LABEL)));
        if (in.get(ENTRYPOINT) != null) {
            container.add("Command", ServiceSpecs.strings(List.of(in.get(ENTRYPOINT).trim().split("\\s+"))));
        }
        if (in.args().size() > 1) {
            container.add("Args", ServiceSpecs.strings(in.argsFrom(1)));
        }
        if (!in.get(ENV).isEmpty()) {
            container.add("Env", ServiceSpecs.strings(in.get(ENV)));
        }
        if (in.get(HOSTNAME) != null) {
            container.addProperty("Hostname", in.get(HOSTNAME));
        }
        if (in.get(WORKDIR) != null) {
            container.addProperty("Dir", in.get(WORKDIR));
        }
        if (in.get(USER) != null) {
            container.addProperty("User", in.get(USER));
        }
        container.addProperty("Init", false);
        JsonArray mounts = new JsonArray();
        for (String mount : in.get(MOUNT)) {
            mounts.add(ServiceSpecs.mount(mount));
        }
        if (!mounts.isEmpty()) {
            container.add("Mounts", mounts);
        }
        JsonObject health = healthcheck(in);
        if (health != null) {
            container.add("Healthcheck", health);
        }
        task.add("ContainerSpec", container);
        JsonObject resources = new JsonObject();
        resources.add("Limits", limits(in.get(LIMIT_CPU), "--limit-cpu", in.get(LIMIT_MEMORY), "--limit-memory"));
        resources.add("Reservations", limits(in.get(RESERVE_CPU), "--reserve-cpu", in.get(RESERVE_MEMORY),
                "--reserve-memory"));
        task.add("Resources", resources);
        if (in.get(RESTART_CONDITION) != null) {
            ServiceSpecs.child(task, "RestartPolicy").addProperty("Condition", in.get(RESTART_CONDITION));
        }
        JsonObject placement = new JsonObject();
        if (!in.get(CONSTRAINT).isEmpty()) {
            placement.add("Constraints", ServiceSpecs.strings(in.get(CONSTRAINT)));
        }
        task.add("Placement", placement);
        if (!in.get(NETWORK).isEmpty()) {
            JsonArray networks = new JsonArray();
            for (String network : in.get(NETWORK)) {
                JsonObject attachment = new JsonObject();
                attachment.addProperty("Target", network);
                networks.add(attachment);
            }
            task.add("Networks", networks);
        }
        spec.add("TaskTemplate", task);
        spec.add("Mode", mode(in));
        spec.add("UpdateConfig", UPDATE.config(in));
        spec.add("RollbackConfig", ROLLBACK.config(in));
        JsonObject endpoint = new JsonObject();
        endpoint.addProperty("Mode", "vip");
        if (!in.get(PUBLISH).isEmpty()) {
            JsonArray ports = new JsonArray();
            in.get(PUBLISH).forEach(value -> value.forEach(ports::add));
            endpoint.add("Ports", ports);
        }
        spec.add("EndpointSpec", endpoint);
        JsonArray secrets = FileReferences.SECRET.resolve(ctx, in.get(SECRET), "--secret");
        if (!secrets.isEmpty()) {
            container.add("Secrets", secrets);
        }
        JsonArray configs = FileReferences.CONFIG.resolve(ctx, in.get(CONFIG), "--config");
        if (!configs.isEmpty()) {
            container.add("Configs", configs);
        }
        ImageDigest.Resolved image = ImageDigest.resolved(ctx, in.arg(0), !in.get(NO_RESOLVE_IMAGE));
        container.addProperty("Image", image.image());

        JsonObject created = SwarmApi.object(SwarmApi.post(ctx, "/services/create", spec));
        JsonElement warnings = created.get("Warnings");
        if (warnings != null && warnings.isJsonArray()) {
            warnings.getAsJsonArray().forEach(w -> ctx.console().err(w.getAsString() + "\n"));
        }
        ImageDigest.warn(ctx, image);
        String id = SwarmApi.text(created, "ID");
        ctx.console().out(id + "\n");
        if (!in.get(DETACH)) {
            ServiceProgress.follow(ctx, id, false, in.get(QUIET)); // -q waits too, showing nothing (the CLI's)
        }
    }

    private static JsonObject mode(Invocation in) throws DockerError {
        JsonObject mode = new JsonObject();
        String given = in.get(MODE);
        switch (given) {
            case "global" -> {
                if (in.get(REPLICAS) != null) {
                    throw new DockerError(1, "replicas can only be used with replicated or replicated-job mode", null);
                }
                mode.add("Global", new JsonObject());
            }
            case "replicated" -> {
                JsonObject replicated = new JsonObject();
                replicated.addProperty("Replicas", in.get(REPLICAS) == null ? BigInteger.ONE : in.get(REPLICAS));
                mode.add("Replicated", replicated);
            }
            default -> throw new DockerError(1, "invalid mode: " + given, null);
        }
        return mode;
    }

    private static JsonObject labels(List<String> given) {
        JsonObject labels = new JsonObject();
        for (Map.Entry<String, String> label : Units.labels(given).entrySet()) {
            labels.addProperty(label.getKey(), label.getValue());
        }
        return labels;
    }

    static JsonObject limits(String cpu, String cpuFlag, String memory, String memoryFlag) throws DockerError {
        JsonObject limits = new JsonObject();
        if (cpu != null) {
            limits.addProperty("NanoCPUs", ServiceSpecs.nanoCpus(cpu, cpuFlag));
        }
        if (memory != null) {
            limits.addProperty("MemoryBytes", ServiceSpecs.bytes(memory, memoryFlag));
        }
        return limits;
    }

    private static JsonObject healthcheck(Invocation in) throws DockerError {
        if (in.get(NO_HEALTHCHECK)) {
            JsonObject none = new JsonObject();
            none.add("Test", ServiceSpecs.strings(List.of("NONE")));
            return none;
        }
        boolean any = in.get(HEALTH_CMD) != null || in.get(HEALTH_INTERVAL) != null || in.get(HEALTH_TIMEOUT) != null
                || in.isSet(HEALTH_RETRIES) || in.get(HEALTH_START_PERIOD) != null;
        if (!any) {
            return null;
        }
        JsonObject health = new JsonObject();
        if (in.get(HEALTH_CMD) != null) {
            health.add("Test", ServiceSpecs.strings(List.of("CMD-SHELL", in.get(HEALTH_CMD))));
        }
        if (in.get(HEALTH_INTERVAL) != null) {
            health.addProperty("Interval", ServiceSpecs.duration(in.get(HEALTH_INTERVAL), "--health-interval"));
        }
        if (in.get(HEALTH_TIMEOUT) != null) {
            health.addProperty("Timeout", ServiceSpecs.duration(in.get(HEALTH_TIMEOUT), "--health-timeout"));
        }
        if (in.get(HEALTH_START_PERIOD) != null) {
            health.addProperty("StartPeriod", ServiceSpecs.duration(in.get(HEALTH_START_PERIOD), "--health-start-period"));
        }
        if (in.isSet(HEALTH_RETRIES)) {
            health.addProperty("Retries", in.get(HEALTH_RETRIES));
        }
        return health;
    }
}
