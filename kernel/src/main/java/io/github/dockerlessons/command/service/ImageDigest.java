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
final class ImageDigest {
    private ImageDigest() {
    }

    /** The image to put in the spec, and the CLI's warning to print once the engine took the spec (else null). */
    record Resolved(String image, String warning) {
        /** The warning on stderr, as the CLI prints the create or update answer's warnings. */
        void warn(CommandContext ctx) {
            if (warning != null) {
                ctx.console().err(warning);
            }
        }
    }

    static Resolved resolve(CommandContext ctx, String image, boolean resolve) throws InterruptedException {
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
        // the client library adds it to the engine's answer, so a refused spec prints no warning
        return new Resolved(named, "image " + named + " could not be accessed on a registry to record\nits digest. "
                + "Each node will access " + named + " independently,\npossibly leading to different nodes running "
                + "different\nversions of the image.\n\n");
    }

    /** "busybox" is "busybox:latest"; a name with a tag or digest stays. */
    static String withTag(String image) {
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0 || image.contains("@") ? image : image + ":latest";
    }
}
