package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandSpec;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.render.GoText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code docker build}: the context folder (next to the notebook) is sent to the engine, which
 * builds with its classic builder; its output is streamed as it comes ("Step 1/3 : FROM busybox").
 */
public final class BuildCommand implements DockerCommand {
    private static final Flag<List<String>> TAG = Flag.list('t', "tag");
    private static final Flag<String> FILE = Flag.string('f', "file");
    private static final Flag<List<String>> BUILD_ARG = Flag.list("build-arg");
    private static final Flag<Boolean> NO_CACHE = Flag.bool("no-cache");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    private static final CommandSpec SPEC = CommandSpec.command("build", "docker build [OPTIONS] PATH | URL | -")
            .aliases("docker image build", "docker build", "docker builder build")
            .flags(BUILD_ARG, FILE, NO_CACHE, QUIET, TAG)
            .arity(Arity.exactly(1))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> tags = in.get(TAG);
        String file = in.get(FILE);
        List<String> buildArgs = in.get(BUILD_ARG);
        boolean noCache = in.get(NO_CACHE);
        boolean quiet = in.get(QUIET);
        List<String> args = in.args();
        Path context = Path.of(args.get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(context)) {
            throw new DockerError(1, "ERROR: unable to prepare context: path \"" + args.get(0) + "\" not found",
                    "hint.build.context", args.get(0));
        }
        Path dockerfile = file == null ? context.resolve("Dockerfile") : context.resolve(file).normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw new DockerError(1, "ERROR: failed to solve: failed to read dockerfile: open " + dockerfile
                    + ": no such file or directory", "hint.build.dockerfile");
        }
        if (!quiet) {
            ctx.console().out("Sending build context to Docker daemon  " + GoText.humanSize(contextSize(context), 4) + "\n");
        }
        String[] failure = new String[1];
        String[] imageId = new String[1];
        ResultCallback.Adapter<BuildResponseItem> progress = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.isErrorIndicated()) {
                    failure[0] = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError();
                } else if (item.getStream() != null && !quiet) {
                    ctx.console().out(item.getStream());
                }
                if (item.isBuildSuccessIndicated()) {
                    imageId[0] = item.getImageId();
                }
            }
        };
        try {
            ctx.requestLong(ctx.messages().get("interrupt.engine.building"), client -> {
                var cmd = client.buildImageCmd(context.toFile()).withDockerfile(dockerfile.toFile())
                        .withTags(new LinkedHashSet<>(tags)).withNoCache(noCache).withPull(false);
                for (String arg : buildArgs) {
                    int eq = arg.indexOf('=');
                    String key = eq < 0 ? arg : arg.substring(0, eq);
                    String value = eq < 0 ? System.getenv().getOrDefault(arg, "") : arg.substring(eq + 1);
                    cmd.withBuildArg(key, value);
                }
                cmd.exec(ctx.cancellation().register(progress)).awaitCompletion();
                return null;
            });
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.unreachable(e);
        } finally {
            ctx.cancellation().unregister(progress);
        }
        if (failure[0] != null) {
            throw new DockerError(1, failure[0], "hint.build.failed");
        }
        if (quiet && imageId[0] != null) {
            ctx.console().out(imageId[0] + "\n");
        }
    }

    private static long contextSize(Path context) {
        try (Stream<Path> files = Files.walk(context)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
