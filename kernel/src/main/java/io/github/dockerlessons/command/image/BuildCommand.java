package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.dockerlessons.command.container.options.ProcessFlags;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.golang.Units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

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
    private static final Flag<String> TARGET = Flag.string("target");
    private static final Flag<Boolean> PULL = Flag.bool("pull");
    private static final Flag<List<String>> LABEL = Flag.of((char) 0, "label",
            FlagType.listOf("list", ProcessFlags::validateLabel), List.of());
    private static final Flag<String> NETWORK = Flag.of((char) 0, "network", FlagType.STRING, "default")
            .defaultShownAs("\"default\"");
    private static final Flag<List<String>> ADD_HOST = Flag.list("add-host");
    private static final Flag<List<String>> CACHE_FROM = Flag.list("cache-from").shownAs("strings");
    private static final Flag<Boolean> RM = Flag.of((char) 0, "rm", FlagType.BOOL, true).defaultShownAs("true");
    private static final Flag<Boolean> FORCE_RM = Flag.bool("force-rm");
    private static final Flag<String> IIDFILE = Flag.string("iidfile");
    private static final Flag<String> PLATFORM = Flag.string("platform");
    private static final Flag<Long> MEMORY = Flag.of('m', "memory", Units.BYTES, 0L);
    private static final Flag<Long> MEMORY_SWAP = Flag.of((char) 0, "memory-swap", Units.BYTES, 0L);
    private static final Flag<Long> CPU_SHARES = Flag.of('c', "cpu-shares", FlagType.INT64, 0L);
    private static final Flag<String> CPUSET_CPUS = Flag.string("cpuset-cpus");
    private static final Flag<Long> SHM_SIZE = Flag.of((char) 0, "shm-size", Units.BYTES, 0L);
    /** Images are never verified (no notary): taken, as the CLI's default. */
    private static final Flag<Boolean> DISABLE_CONTENT_TRUST = Flag.of((char) 0, "disable-content-trust",
            FlagType.BOOL, true).defaultShownAs("true");

    private static final CommandSpec SPEC = CommandSpec.command("build", "docker build [OPTIONS] PATH | URL | -")
            .aliases("docker image build", "docker build", "docker builder build")
            .flags(ADD_HOST, BUILD_ARG, CACHE_FROM, CPU_SHARES, CPUSET_CPUS, DISABLE_CONTENT_TRUST, FILE, FORCE_RM,
                    IIDFILE, LABEL, MEMORY, MEMORY_SWAP, NETWORK, NO_CACHE, PLATFORM, PULL, QUIET, RM, SHM_SIZE, TAG,
                    TARGET)
            .arity(Arity.exactly(1))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
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
        // the CLI's GetContextFromLocalDir: -f is relative to the current (notebook's) folder, not the context
        Path dockerfile = file == null ? context.resolve("Dockerfile") : Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dockerfile)) {
            // a folder, a device or a pipe is there, not missing: say what it is (the CLI would read a
            // device or a pipe without end; the kernel refuses it)
            HostFiles.Kind kind = HostFiles.kind(dockerfile);
            String why = switch (kind) {
                case MISSING -> "open " + dockerfile + ": no such file or directory";
                case DIRECTORY -> "read " + dockerfile + ": is a directory";
                default -> "read " + dockerfile + ": not a regular file";
            };
            throw new DockerError(1, "ERROR: failed to solve: failed to read dockerfile: " + why,
                    kind == HostFiles.Kind.MISSING ? "hint.build.dockerfile" : "hint.build.dockerfile.kind");
        }
        BuildContext sent;
        long size;
        try {
            sent = BuildContext.of(context, dockerfile);
            size = sent.size();
        } catch (BuildContext.Refused e) {
            throw new DockerError(1, e.getMessage(), "hint.build.context.refused");
        } catch (LocalFileError e) {
            throw new DockerError(1, "error checking context: " + e.getMessage(), "hint.build.context.refused");
        }
        if (!quiet) {
            ctx.console().out("Sending build context to Docker daemon  "
                    + GoText.humanSize(size, 4) + "\n");
        }
        InputStream tar;
        try {
            tar = ctx.cancellation().register(sent.stream());
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), "hint.build.context.refused");
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
            ctx.untilDone(ctx.messages().get("interrupt.engine.building"), client -> {
                var cmd = client.buildImageCmd(tar).withDockerfilePath(sent.dockerfileName())
                        .withTags(new LinkedHashSet<>(tags)).withNoCache(noCache).withPull(in.get(PULL))
                        .withRemove(in.get(RM)).withForcerm(in.get(FORCE_RM))
                        .withNetworkMode(in.get(NETWORK));
                if (in.get(TARGET) != null) {
                    cmd.withTarget(in.get(TARGET));
                }
                if (!in.get(LABEL).isEmpty()) {
                    cmd.withLabels(Units.labels(in.get(LABEL)));
                }
                if (!in.get(ADD_HOST).isEmpty()) {
                    cmd.withExtraHosts(new LinkedHashSet<>(in.get(ADD_HOST)));
                }
                if (!in.get(CACHE_FROM).isEmpty()) {
                    cmd.withCacheFrom(new LinkedHashSet<>(in.get(CACHE_FROM)));
                }
                if (in.get(PLATFORM) != null) {
                    cmd.withPlatform(in.get(PLATFORM));
                }
                if (in.get(MEMORY) != 0) {
                    cmd.withMemory(in.get(MEMORY));
                }
                if (in.get(MEMORY_SWAP) != 0) {
                    cmd.withMemswap(in.get(MEMORY_SWAP));
                }
                if (in.get(CPU_SHARES) != 0) {
                    cmd.withCpushares(Long.toString(in.get(CPU_SHARES)));
                }
                if (in.get(CPUSET_CPUS) != null) {
                    cmd.withCpusetcpus(in.get(CPUSET_CPUS));
                }
                if (in.get(SHM_SIZE) != 0) {
                    cmd.withShmsize(in.get(SHM_SIZE));
                }
                for (String arg : buildArgs) {
                    int eq = arg.indexOf('=');
                    String key = eq < 0 ? arg : arg.substring(0, eq);
                    String value = eq < 0 ? System.getenv().getOrDefault(arg, "") : arg.substring(eq + 1);
                    cmd.withBuildArg(key, value);
                }
                cmd.exec(ctx.cancellation().register(progress)).awaitCompletion();
                return null;
            });
        } finally {
            ctx.cancellation().unregister(progress);
            ctx.cancellation().unregister(tar);
            try {
                tar.close();
            } catch (IOException ignored) {
                // the engine has read what it wanted
            }
        }
        if (failure[0] != null) {
            throw new DockerError(1, failure[0], "hint.build.failed");
        }
        if (imageId[0] != null) {
            ctx.record().imageMade(imageId[0]);
        }
        if (quiet && imageId[0] != null) {
            ctx.console().out(imageId[0] + "\n");
        }
        String iidfile = in.get(IIDFILE);
        if (iidfile != null && imageId[0] != null) {
            String fullId = ctx.answer(client -> client.inspectImageCmd(imageId[0]).exec().getId());
            String refused = HostFiles.notWritable(Path.of(iidfile));
            if (refused != null) {
                // a pipe would hold the cell until a reader came; a device is never overwritten
                throw new DockerError(1, "failed to write image ID to file: " + refused, "hint.local.file", iidfile);
            }
            try {
                Files.writeString(Path.of(iidfile), fullId);
            } catch (IOException e) {
                throw new DockerError(1, "failed to write image ID to file: "
                        + LocalFileError.of("open", iidfile, e).getMessage());
            }
        }
    }
}
