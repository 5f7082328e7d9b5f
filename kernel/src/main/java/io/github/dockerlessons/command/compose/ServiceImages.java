package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.image.BuildContext;
import io.github.dockerlessons.command.image.ImageBuilder;
import io.github.dockerlessons.command.image.ImageReference;
import io.github.dockerlessons.command.image.Puller;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.engine.DaemonError;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The services' images: built when missing (docker build's path) or pulled (docker pull's path),
 * removed by down --rmi.
 */
final class ServiceImages {
    private final CommandContext ctx;
    private final EngineSteps steps;

    ServiceImages(CommandContext ctx) {
        this.ctx = ctx;
        this.steps = new EngineSteps(ctx);
    }

    /** The image ID of a service's image, or null when the engine lacks it. */
    public String imageId(ComposeProject project, ComposeProject.Service service) throws DockerError, InterruptedException {
        String image = ComposeNames.image(project.name(), service);
        return steps.found(() -> ctx.answer(client -> client.inspectImageCmd(image).exec().getId()));
    }

    /** Builds the services that build and lack their image (all of them with {@code always}); pulls the others' missing images. */
    public void ensureImages(ComposeProject project, List<ComposeProject.Service> services, boolean buildAlways,
                             ProgressPanel progress) throws DockerError, InterruptedException {
        for (ComposeProject.Service s : services) {
            boolean missing = imageId(project, s) == null;
            if (s.build() != null && (buildAlways || missing)) {
                build(project, s, false, false);
            } else if (missing) {
                pull(project, s, progress);
            }
        }
    }

    /** Builds a service's image with the engine's classic builder, its output streamed as docker build's. */
    public void build(ComposeProject project, ComposeProject.Service service, boolean noCache, boolean quiet)
            throws DockerError, InterruptedException {
        ComposeProject.Build build = service.build();
        String tag = ComposeNames.image(project.name(), service);
        BuildContext sent = ImageBuilder.prepare(build.context(), build.context().toString(),
                build.context().resolve(build.dockerfile()), ImageBuilder.Framing.COMPOSE);
        ImageBuilder.build(ctx, sent, quiet, ImageBuilder.Framing.COMPOSE, cmd -> {
            cmd.withTags(Set.of(tag)).withPull(false).withNoCache(noCache);
            build.args().forEach(cmd::withBuildArg);
        });
    }

    /** Pulls a service's image, as compose pull and up do. */
    public void pull(ComposeProject project, ComposeProject.Service service, ProgressPanel progress)
            throws DockerError, InterruptedException {
        String image = ComposeNames.image(project.name(), service);
        String id = "Image " + image;
        progress.working(id, "Pulling");
        try {
            // docker pull's own path (digests as well as tags), its progress shown by the panel instead
            Puller.pull(ctx, ImageReference.parse(image), null, true);
        } catch (DaemonError e) {
            progress.error(id, "Error");
            throw DockerError.daemon(e);
        }
        progress.done(id, "Pulled");
    }

    /** Removes images by name (down --rmi), skipping ones that are gone; reports each. */
    public void removeImages(Collection<String> names, ProgressPanel progress) throws DockerError, InterruptedException {
        steps.removeEach(progress, "Image", names, name -> ctx.answer(client -> client.inspectImageCmd(name).exec()),
                name -> ctx.answer(client -> client.removeImageCmd(name).exec()));
    }
}
