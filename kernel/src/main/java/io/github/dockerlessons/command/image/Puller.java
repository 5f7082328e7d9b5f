package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

/** Pulls an image through docker-java, printing progress; shared by pull, run and create. */
public final class Puller {
    private Puller() {
    }

    /**
     * Pulls {@code ref}; a failure is a {@link DaemonError} in the engine's words whether the engine
     * refused at once or reported the error mid-stream.
     */
    public static void pull(CommandContext ctx, ImageReference ref, boolean progressToStderr)
            throws DaemonError, EngineUnreachable, InterruptedException {
        PullProgress progress = new PullProgress(ctx.console(), progressToStderr);
        ctx.engine().run(client -> {
            var cmd = client.pullImageCmd(ref.repository());
            if (ref.digest() != null) {
                cmd = client.pullImageCmd(ref.repository() + "@" + ref.digest());
            } else {
                cmd.withTag(ref.tagOrLatest());
            }
            cmd.exec(ctx.cancellation().register(progress));
            try {
                progress.awaitCompletion();
            } finally {
                ctx.cancellation().unregister(progress);
            }
            return null;
        });
        if (progress.streamError() != null) {
            throw new DaemonError(500, progress.streamError(), null);
        }
    }
}
