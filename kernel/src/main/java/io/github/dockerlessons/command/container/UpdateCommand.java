package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.ProcessFlags;
import io.github.dockerlessons.command.container.options.ResourceFlags;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker update}: change the limits (memory, CPUs, processes, block IO) and the restart
 * policy of running or stopped containers, as run's flags of the same names set them. Each
 * container updated is printed, then the engine's warnings.
 */
public final class UpdateCommand extends DeclaredCommand {
    private static final Flag<String> RESTART = Flag.string("restart");
    private static final List<Flag<?>> RESOURCES = List.of(ResourceFlags.BLKIO_WEIGHT, ResourceFlags.CPU_PERIOD,
            ResourceFlags.CPU_QUOTA, ResourceFlags.CPU_RT_PERIOD, ResourceFlags.CPU_RT_RUNTIME, ResourceFlags.CPU_SHARES,
            ResourceFlags.CPUS, ResourceFlags.CPUSET_CPUS, ResourceFlags.CPUSET_MEMS, ResourceFlags.MEMORY,
            ResourceFlags.MEMORY_RESERVATION, ResourceFlags.MEMORY_SWAP, ResourceFlags.PIDS_LIMIT);
    /** The API's field for each flag. */
    private static final List<String> FIELDS = List.of("BlkioWeight", "CpuPeriod", "CpuQuota", "CpuRealtimePeriod",
            "CpuRealtimeRuntime", "CpuShares", "NanoCpus", "CpusetCpus", "CpusetMems", "Memory", "MemoryReservation",
            "MemorySwap", "PidsLimit");

    public UpdateCommand() {
        super(CommandSpec.command("update", "docker update [OPTIONS] CONTAINER [CONTAINER...]")
                .aliases("docker container update", "docker update")
                .flags(RESOURCES).flags(RESTART)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        JsonObject update = new JsonObject();
        boolean anyFlag = in.isSet(RESTART);
        for (int i = 0; i < RESOURCES.size(); i++) {
            Flag<?> flag = RESOURCES.get(i);
            if (!in.isSet(flag)) {
                continue;
            }
            anyFlag = true;
            Object value = in.get(flag);
            if (value instanceof Number number) {
                update.addProperty(FIELDS.get(i), number);
            } else {
                update.addProperty(FIELDS.get(i), String.valueOf(value));
            }
        }
        if (!anyFlag) {
            throw new DockerError(1, "you must provide one or more flags when using this command", "hint.see.help",
                    "docker update");
        }
        if (in.get(RESTART) != null && !in.get(RESTART).isEmpty()) {
            update.add("RestartPolicy", restartPolicy(in.get(RESTART)));
        }
        List<String> warnings = new ArrayList<>();
        DockerError failure = null;
        try {
            Targets.forEach(ctx, in.args(), true, target -> {
                JsonElement answer = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.POST,
                        "/containers/" + Engine.encode(target) + "/update", update));
                if (answer != null && answer.isJsonObject() && answer.getAsJsonObject().get("Warnings") != null
                        && answer.getAsJsonObject().get("Warnings").isJsonArray()) {
                    answer.getAsJsonObject().getAsJsonArray("Warnings").forEach(w -> warnings.add(w.getAsString()));
                }
                return true;
            });
        } catch (DockerError e) {
            failure = e;
        }
        if (!warnings.isEmpty()) {
            ctx.console().out(String.join("\n", warnings) + "\n");
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static JsonObject restartPolicy(String policy) throws DockerError {
        try {
            return ProcessFlags.restartPolicyOf(policy);
        } catch (InvalidOptions e) {
            throw new DockerError(1, e.getMessage());
        }
    }
}
