package io.github.dockerlessons.command.container;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandSpec;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Invocation;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.files.TarExtraction;
import io.github.dockerlessons.command.files.TarPacking;
import io.github.dockerlessons.command.stream.Utf8StreamDecoder;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.EngineUnreachable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * {@code docker cp} between a container and the notebook's folder, with the CLI's rules for names
 * (into an existing folder a copy keeps its name, elsewhere it takes the destination's), its errors,
 * and a faithful copy (types, permission bits, times). {@code -} as the destination prints the
 * archive itself, as the CLI writes it to stdout.
 */
public final class CpCommand implements DockerCommand {
    /** Go's os.ModeDir and os.ModeSymlink: the top bits of the mode in the engine's path stat. */
    private static final long MODE_DIR = 1L << 31;
    private static final long MODE_SYMLINK = 1L << 27;

    private static final CommandSpec SPEC = CommandSpec.command("cp",
                    "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH")
            .aliases("docker container cp", "docker cp")
            .arity(Arity.exactly(2))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String source = in.arg(0);
        String destination = in.arg(1);
        int sourceColon = containerColon(source);
        int destinationColon = containerColon(destination);
        if ((sourceColon < 0) == (destinationColon < 0)) {
            throw new DockerError(1, sourceColon < 0 ? "must specify at least one container source"
                    : "copying between containers is not supported", "hint.cp.paths");
        }
        try {
            if (sourceColon >= 0) {
                copyOut(ctx, source.substring(0, sourceColon), source.substring(sourceColon + 1), destination);
            } else {
                copyIn(ctx, source, destination.substring(0, destinationColon),
                        destination.substring(destinationColon + 1));
            }
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), "hint.cp.local");
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.unreachable(e);
        }
    }

    /** A "NAME:path" argument's colon, or -1 for a local path (absolute, or starting with a dot). */
    private static int containerColon(String arg) {
        int colon = arg.indexOf(':');
        if (colon <= 0 || arg.startsWith("/") || arg.startsWith(".")) {
            return -1;
        }
        return colon;
    }

    private static void copyOut(CommandContext ctx, String container, String path, String destination)
            throws DockerError, InterruptedException, LocalFileError, DaemonError, EngineUnreachable {
        Path target = destination.equals("-") ? null : Path.of(destination).toAbsolutePath().normalize();
        if (target != null) {
            validateOutputPath(target);
        }
        JsonObject stat = ctx.request(client -> ctx.engine().pathStat(container, path));
        if (stat == null) {
            throw new DaemonError(404, "Could not find the file " + path + " in container " + container, null);
        }
        if (target == null) {
            printArchive(ctx, container, path);
            return;
        }
        boolean sourceIsDir = (stat.get("mode").getAsLong() & MODE_DIR) != 0;
        String topName = stat.get("name").getAsString();
        boolean assertsDir = destination.endsWith("/") || destination.endsWith("/.");
        Path into;
        String renameTo;
        if (Files.isDirectory(target)) {
            into = target;
            renameTo = sourceIsDir && (path.endsWith("/.") || path.equals(".")) ? "" : null;
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (sourceIsDir) {
                throw new LocalFileError("cannot copy directory");
            }
            into = target.getParent();
            renameTo = target.getFileName().toString();
        } else {
            if (assertsDir && !sourceIsDir) {
                throw new LocalFileError("no such directory");
            }
            into = target.getParent();
            renameTo = target.getFileName().toString();
        }
        InputStream archive = openArchive(ctx, container, path);
        try {
            new TarExtraction(into, topName, renameTo).extract(archive);
        } catch (IOException e) {
            if (ctx.cancellation().isCancelled()) {
                throw new InterruptedException();
            }
            throw LocalFileError.of("open", into, e);
        } finally {
            closeArchive(ctx, archive);
        }
    }

    /** The engine's archive of a container path, as a stream the stop button can close. */
    private static InputStream openArchive(CommandContext ctx, String container, String path)
            throws DockerError, InterruptedException, DaemonError, EngineUnreachable {
        InputStream archive = ctx.request(client ->
                client.copyArchiveFromContainerCmd(EngineGateway.pathSegment(container), path).exec());
        return ctx.cancellation().register(archive);
    }

    private static void closeArchive(CommandContext ctx, InputStream archive) {
        ctx.cancellation().unregister(archive);
        try {
            archive.close();
        } catch (IOException ignored) {
            // the copy is over either way
        }
    }

    /** docker/cli's ValidateOutputPath: the destination's folder must exist, checked before anything is copied. */
    private static void validateOutputPath(Path target) throws LocalFileError {
        Path parent = target.getParent();
        if (parent != null && !Files.exists(parent)) {
            throw new LocalFileError("invalid output path: directory \"" + parent + "\" does not exist");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new LocalFileError("invalid output path: \"" + parent + "\" must be a directory");
        }
    }

    /** {@code docker cp CONTAINER:PATH -}: the archive itself on stdout. */
    private static void printArchive(CommandContext ctx, String container, String path)
            throws DockerError, InterruptedException, DaemonError, EngineUnreachable {
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        InputStream archive = openArchive(ctx, container, path);
        try {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = archive.read(buffer)) >= 0) {
                ctx.console().out(decoder.decode(buffer, 0, read));
            }
            ctx.console().out(decoder.finish());
        } catch (IOException e) {
            if (ctx.cancellation().isCancelled()) {
                throw new InterruptedException();
            }
            throw new DockerError(1, ctx.messages().get("error.engine.connection.lost", ctx.engine().host()));
        } finally {
            closeArchive(ctx, archive);
        }
    }

    /**
     * Packs the local file or folder under the name it gets in the container, as the CLI does: into
     * an existing folder (or a path ending in /) it keeps its own name; otherwise it takes the
     * destination's last name in the destination's folder. {@code -} sends the heredoc as the archive.
     */
    private static void copyIn(CommandContext ctx, String source, String container, String path)
            throws DockerError, InterruptedException, LocalFileError, DaemonError, EngineUnreachable {
        byte[] archive;
        String remoteDir;
        if (source.equals("-")) {
            if (ctx.heredoc() == null) {
                throw new DockerError(1, "", "hint.cp.stdin");
            }
            archive = ctx.heredoc();
            remoteDir = path;
        } else {
            Path local = Path.of(source).toAbsolutePath().normalize();
            if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
                throw new LocalFileError("lstat " + local + ": no such file or directory");
            }
            JsonObject stat = ctx.request(client -> ctx.engine().pathStat(container, path));
            // Go's os.ModeDir is the top bit of the 32-bit mode; a symlink to a folder counts as one.
            boolean intoDirectory = path.endsWith("/") || (stat != null && (stat.get("mode").getAsLong() & MODE_DIR) != 0);
            String name;
            if (intoDirectory) {
                remoteDir = path;
                name = local.getFileName().toString();
            } else {
                int slash = path.lastIndexOf('/');
                remoteDir = slash <= 0 ? "/" : path.substring(0, slash);
                name = path.substring(slash + 1);
            }
            archive = TarPacking.pack(local, name);
        }
        String folder = remoteDir;
        ctx.callLong(ctx.messages().get("interrupt.engine.copying", container + ":" + path), client -> {
            client.copyArchiveToContainerCmd(EngineGateway.pathSegment(container))
                    .withTarInputStream(new ByteArrayInputStream(archive))
                    .withRemotePath(folder).withNoOverwriteDirNonDir(true).exec();
            return null;
        });
    }

    static boolean isSymlink(long mode) {
        return (mode & MODE_SYMLINK) != 0;
    }
}
