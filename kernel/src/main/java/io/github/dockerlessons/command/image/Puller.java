package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.DaemonError;

/** Pulls an image through docker-java with a progress display; shared by pull, run and create. */
public final class Puller {
    private Puller() {
    }

    /**
     * Pulls {@code ref}; a failure is a {@link DaemonError} in the engine's words whether the engine
     * refused at once or reported the error mid-stream.
     */
    public static void pull(CommandContext ctx, ImageReference ref) throws DaemonError, DockerError,
            InterruptedException {
        pull(ctx, ref, null, false);
    }

    /**
     * Pulls {@code ref} for {@code platform} (null: the engine's own), showing no progress when
     * {@code quiet} ({@code run -q}).
     */
    public static void pull(CommandContext ctx, ImageReference ref, String platform, boolean quiet)
            throws DaemonError, DockerError, InterruptedException {
        PullProgress progress = new PullProgress(quiet ? Console.NOWHERE : ctx.console());
        try {
            ctx.untilDone(ctx.messages().get("interrupt.engine.pulling", ref.familiar()), client -> {
                Target target = Target.of(ref);
                var cmd = client.pullImageCmd(target.fromImage());
                if (target.tag() != null) {
                    cmd.withTag(target.tag());
                }
                if (platform != null && !platform.isEmpty()) {
                    cmd.withPlatform(platform);
                }
                cmd.exec(ctx.cancellation().register(progress));
                progress.awaitCompletion();
                return null;
            });
        } finally {
            ctx.cancellation().unregister(progress);
            progress.finish();
        }
        if (progress.streamError() != null) {
            throw new DaemonError(500, progress.streamError(), null);
        }
    }

    /**
     * What the pull asks the engine for (POST /images/create's fromImage and tag): a digest goes
     * whole in fromImage, as the CLI sends it, else the tag, {@code latest} when none is given.
     */
    record Target(String fromImage, String tag) {
        static Target of(ImageReference ref) {
            return ref.digest() != null ? new Target(ref.repository() + "@" + ref.digest(), null)
                    : new Target(ref.repository(), ref.tagOrLatest());
        }
    }
}
