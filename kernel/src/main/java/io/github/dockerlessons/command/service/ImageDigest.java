package io.github.dockerlessons.command.service;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.swarm.SwarmApi;

/**
 * The CLI's image resolution before a service is made: the image's digest asked of its registry
 * through the engine ({@code GET /distribution/NAME/json}), so that every node runs the same image;
 * when the registry cannot be reached (the lessons are offline) the name with its tag, as each node then
 * pulls or finds it by itself, and the CLI's warning, printed after the engine's answer as the CLI prints it.
 */
public final class ImageDigest {
    private ImageDigest() {
    }

    /** The image to run, and the CLI's warning when its registry could not be asked (null when none). */
    public record Resolved(String image, String warning) { }

    /**
     * The warning on stderr once the engine took the spec: the CLI's client library adds it to the create or
     * update answer's warnings, so a refused spec prints none.
     */
    static void warn(CommandContext ctx, Resolved resolved) {
        if (resolved != null && resolved.warning() != null) {
            ctx.console().err(resolved.warning() + "\n");
        }
    }

    /** The image with its tag, and its digest when {@code resolve} and the registry answers; the warning else. */
    public static Resolved resolved(CommandContext ctx, String image, boolean resolve) throws InterruptedException {
        String named = withTag(image);
        if (!resolve || image.contains("@")) {
            return new Resolved(image.contains("@") ? image : named, null);
        }
        try {
            JsonObject answer = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/distribution/", named) + "/json"));
            String digest = SwarmApi.text(answer, "Descriptor", "digest");
            if (!digest.isEmpty()) {
                return new Resolved(named + "@" + digest, null);
            }
        } catch (DockerError e) {
            if (e.status() == 130) {
                throw new InterruptedException();
            }
        }
        return new Resolved(named, "image " + named + " could not be accessed on a registry to record\nits digest. Each "
                + "node will access " + named + " independently,\npossibly leading to different nodes running different\n"
                + "versions of the image.\n");
    }

    /** "busybox" is "busybox:latest"; a name with a tag or digest stays. */
    static String withTag(String image) {
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 || image.contains("@") ? image : image + ":latest";
    }
}
