package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.engine.DaemonError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One image build, for docker build and compose build alike: the context folder and the Dockerfile
 * checked, the context packed as the CLI packs it ({@link BuildContext}), sent to the engine's
 * classic builder, and its output streamed. The two tools frame the same failure differently:
 * docker build (buildx) prints "ERROR: failed to solve: ..." and a failed step in the builder's own
 * words, docker compose prints "failed to solve: ..." for both; {@link Framing} says which.
 */
public final class ImageBuilder {
    private ImageBuilder() {
    }

    /** How a tool words a build that fails: before the engine is asked, and when a step fails. */
    public enum Framing {
        DOCKER_BUILD("ERROR: ", ""),
        COMPOSE("", "failed to solve: ");

        private final String refused;
        private final String failed;

        Framing(String refused, String failed) {
            this.refused = refused;
            this.failed = failed;
        }
    }

    /**
     * The context to send, once the folder and the Dockerfile are found ({@code shownContext} is
     * the folder as the user named it).
     */
    public static BuildContext prepare(Path context, String shownContext, Path dockerfile, Framing framing)
            throws DockerError, InterruptedException {
        if (!Files.isDirectory(context)) {
            throw new DockerError(1, framing.refused + "unable to prepare context: path \"" + shownContext
                    + "\" not found", "hint.build.context", shownContext);
        }
        if (!Files.isRegularFile(dockerfile)) {
            // a folder, a device or a pipe is there, not missing: say what it is (the CLI would read a
            // device or a pipe without end; the kernel refuses it)
            HostFiles.Kind kind = HostFiles.kind(dockerfile);
            String why = switch (kind) {
                case MISSING -> "open " + dockerfile + ": no such file or directory";
                case DIRECTORY -> "read " + dockerfile + ": is a directory";
                default -> "read " + dockerfile + ": not a regular file";
            };
            throw new DockerError(1, framing.refused + "failed to solve: failed to read dockerfile: " + why,
                    kind == HostFiles.Kind.MISSING ? "hint.build.dockerfile" : "hint.build.dockerfile.kind");
        }
        try {
            return BuildContext.of(context, dockerfile);
        } catch (BuildContext.Refused e) {
            throw new DockerError(1, e.getMessage(), "hint.build.context.refused");
        } catch (LocalFileError e) {
            throw new DockerError(1, "error checking context: " + e.getMessage(), "hint.build.context.refused");
        }
    }

    /**
     * Sends the context and streams the builder's output (none when {@code quiet}); {@code options}
     * sets the tool's own build options (tags, arguments, cache). Returns the new image's ID, or
     * null when the engine did not say it.
     */
    public static String build(CommandContext ctx, BuildContext sent, boolean quiet, Framing framing,
                               Consumer<BuildImageCmd> options) throws DockerError, InterruptedException {
        InputStream tar;
        try {
            tar = ctx.cancellation().register(sent.stream());
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), "hint.build.context.refused");
        }
        String[] failure = new String[1];
        String[] imageId = new String[1];
        BuilderStderr stderr = new BuilderStderr();
        ResultCallback.Adapter<BuildResponseItem> progress = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.isErrorIndicated()) {
                    failure[0] = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                } else if (item.getStream() != null && !quiet) {
                    ctx.console().out(stderr.next(item.getStream()));
                }
                if (item.isBuildSuccessIndicated()) {
                    imageId[0] = item.getImageId();
                }
            }
        };
        try {
            ctx.untilDone(ctx.messages().get("interrupt.engine.building"), client -> {
                BuildImageCmd cmd = client.buildImageCmd(tar).withDockerfilePath(sent.dockerfileName());
                options.accept(cmd);
                cmd.exec(ctx.cancellation().register(progress)).awaitCompletion();
                return null;
            });
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        } finally {
            ctx.cancellation().unregister(progress);
            ctx.cancellation().unregister(tar);
            String held = stderr.end();
            if (!held.isEmpty()) {
                ctx.console().out(held);
            }
            try {
                tar.close();
            } catch (IOException ignored) {
                // the engine has read what it wanted
            }
        }
        if (failure[0] != null) {
            throw new DockerError(1, framing.failed + failure[0], "hint.build.failed");
        }
        return imageId[0];
    }
}
