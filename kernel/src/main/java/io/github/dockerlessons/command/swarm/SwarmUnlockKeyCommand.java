package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

/** {@code docker swarm unlock-key [-q] [--rotate]}: the key that unlocks an autolocked manager after a restart. */
public final class SwarmUnlockKeyCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> ROTATE = Flag.bool("rotate");

    public SwarmUnlockKeyCommand() {
        super(CommandSpec.command("swarm unlock-key", "docker swarm unlock-key [OPTIONS]")
                .flags(QUIET, ROTATE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        if (in.get(ROTATE)) {
            JsonObject swarm = SwarmApi.object(SwarmApi.get(ctx, "/swarm"));
            if (!SwarmApi.text(swarm, "Spec", "EncryptionConfig", "AutoLockManagers").equals("true")) {
                throw new DockerError(1, "cannot rotate because autolock is not turned on", null);
            }
            JsonObject spec = SwarmApi.at(swarm, "Spec");
            SwarmApi.post(ctx, "/swarm/update?version=" + SwarmApi.text(swarm, "Version", "Index")
                    + "&rotateManagerUnlockKey=true", spec == null ? new JsonObject() : spec);
            if (!in.get(QUIET)) {
                ctx.console().out("Successfully rotated manager unlock key.\n");
            }
        }
        String key = UnlockKeyText.key(ctx);
        if (key.isEmpty()) {
            throw new DockerError(1, "no unlock key is set", null);
        }
        ctx.console().out(in.get(QUIET) ? key + "\n" : UnlockKeyText.of(key));
    }
}
