package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.container.options.ProcessFlags;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.golang.Units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code docker build}: the context folder (next to the notebook) is sent to the engine, which
 * builds with its classic builder; its output is streamed as it comes ("Step 1/3 : FROM busybox").
 */
public final class BuildCommand extends DeclaredCommand {
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

    public BuildCommand() {
        super(CommandSpec.command("build", "docker build [OPTIONS] PATH | URL | -")
                .aliases("docker image build", "docker build", "docker builder build")
                .flags(ADD_HOST, BUILD_ARG, CACHE_FROM, CPU_SHARES, CPUSET_CPUS, DISABLE_CONTENT_TRUST, FILE, FORCE_RM,
                        IIDFILE, LABEL, MEMORY, MEMORY_SWAP, NETWORK, NO_CACHE, PLATFORM, PULL, QUIET, RM, SHM_SIZE, TAG,
                        TARGET)
                .arity(Arity.exactly(1)));
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
        // the CLI's GetContextFromLocalDir: -f is relative to the current (notebook's) folder, not the context
        Path dockerfile = file == null ? context.resolve("Dockerfile") : Path.of(file).toAbsolutePath().normalize();
        BuildContext sent = ImageBuilder.prepare(context, args.get(0), dockerfile, ImageBuilder.Framing.DOCKER_BUILD);
        if (!quiet) {
            long size;
            try {
                size = sent.size();
            } catch (LocalFileError e) {
                throw new DockerError(1, "error checking context: " + e.getMessage(), "hint.build.context.refused");
            }
            ctx.console().out("Sending build context to Docker daemon  "
                    + GoText.humanSize(size, 4) + "\n");
        }
        String imageId = ImageBuilder.build(ctx, sent, quiet, ImageBuilder.Framing.DOCKER_BUILD, cmd -> {
            cmd.withTags(new LinkedHashSet<>(tags)).withNoCache(noCache).withPull(in.get(PULL))
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
        });
        if (imageId != null) {
            ctx.record().imageMade(imageId);
        }
        // the stream names the image by its short ID; -q and --iidfile give the full "sha256:..." one, as the CLI
        String fullId = imageId != null && (quiet || in.get(IIDFILE) != null)
                ? ctx.answer(client -> client.inspectImageCmd(imageId).exec().getId()) : null;
        if (quiet && fullId != null) {
            ctx.console().out(fullId + "\n");
        }
        String iidfile = in.get(IIDFILE);
        if (iidfile != null && fullId != null) {
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
