package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

/** {@code docker swarm update}: the swarm's settings the courses touch (autolock, task history); prints "Swarm updated.". */
public final class SwarmUpdateCommand extends DeclaredCommand {
    private static final Flag<Boolean> AUTOLOCK = Flag.bool("autolock");
    private static final Flag<Long> TASK_HISTORY_LIMIT = Flag.of('\0', "task-history-limit", FlagType.INT64, 5L);

    public SwarmUpdateCommand() {
        super(CommandSpec.command("swarm update", "docker swarm update [OPTIONS]")
                .flags(AUTOLOCK, TASK_HISTORY_LIMIT));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        JsonObject swarm = SwarmApi.object(SwarmApi.get(ctx, "/swarm"));
        JsonObject spec = SwarmApi.at(swarm, "Spec");
        if (spec == null) {
            spec = new JsonObject();
        }
        boolean before = SwarmApi.text(spec, "EncryptionConfig", "AutoLockManagers").equals("true");
        if (in.isSet(AUTOLOCK)) {
            JsonObject encryption = SwarmApi.at(spec, "EncryptionConfig");
            if (encryption == null) {
                encryption = new JsonObject();
                spec.add("EncryptionConfig", encryption);
            }
            encryption.addProperty("AutoLockManagers", in.get(AUTOLOCK));
        }
        if (in.isSet(TASK_HISTORY_LIMIT)) {
            JsonObject orchestration = SwarmApi.at(spec, "Orchestration");
            if (orchestration == null) {
                orchestration = new JsonObject();
                spec.add("Orchestration", orchestration);
            }
            orchestration.addProperty("TaskHistoryRetentionLimit", in.get(TASK_HISTORY_LIMIT));
        }
        SwarmApi.post(ctx, "/swarm/update?version=" + SwarmApi.text(swarm, "Version", "Index"), spec);
        ctx.console().out("Swarm updated.\n");
        if (in.isSet(AUTOLOCK) && in.get(AUTOLOCK) && !before) {
            ctx.console().out(UnlockKeyText.of(UnlockKeyText.key(ctx)));
        }
    }
}
