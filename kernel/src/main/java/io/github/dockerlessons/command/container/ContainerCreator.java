package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.image.ImageReference;
import io.github.dockerlessons.command.image.Puller;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

import java.util.List;

/**
 * Creates a container as run and create do: when the image is missing it says
 * "Unable to find image 'NAME:latest' locally", pulls it, and tries once more.
 */
final class ContainerCreator {
    private ContainerCreator() {
    }

    static String create(CommandContext ctx, ContainerOptions options, String image, List<String> command,
                         boolean attach) throws DaemonError, EngineUnreachable, DockerError, InterruptedException {
        try {
            return createOnce(ctx, options, image, command, attach);
        } catch (DaemonError e) {
            if (!e.isNotFound() || !e.daemonMessage().startsWith("No such image")) {
                throw e;
            }
        }
        ImageReference ref = ImageReference.parse(image);
        ctx.console().err("Unable to find image '" + ref.familiar() + "' locally\n");
        Puller.pull(ctx, ref);
        return createOnce(ctx, options, image, command, attach);
    }

    private static String createOnce(CommandContext ctx, ContainerOptions options, String image,
                                     List<String> command, boolean attach)
            throws DaemonError, EngineUnreachable, DockerError, InterruptedException {
        var response = ctx.request(client -> {
            var cmd = client.createContainerCmd(image);
            options.applyTo(cmd, command, attach);
            return cmd.exec();
        });
        if (response.getWarnings() != null) {
            for (String warning : response.getWarnings()) {
                ctx.console().err("WARNING: " + warning + "\n");
            }
        }
        return response.getId();
    }
}
