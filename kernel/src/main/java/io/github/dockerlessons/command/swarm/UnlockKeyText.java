package io.github.dockerlessons.command.swarm;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;

/** The CLI's printUnlockCommand, and the key it prints, asked of the engine. */
final class UnlockKeyText {
    private UnlockKeyText() {
    }

    /** The manager's unlock key ("" when none is set). */
    static String key(CommandContext ctx) throws DockerError, InterruptedException {
        try {
            return SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx, "/swarm/unlockkey")), "UnlockKey");
        } catch (DockerError e) {
            if (e.status() == 130) {
                throw e;
            }
            throw new DockerError(1, "could not fetch unlock key: " + e.cliText(), null);
        }
    }

    static String of(String key) {
        return key.isEmpty() ? "" : "To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n"
                + "command and provide the following key:\n\n    " + key + "\n\n"
                + "Remember to store this key in a password manager, since without it you\n"
                + "will not be able to restart the manager.\n";
    }
}
