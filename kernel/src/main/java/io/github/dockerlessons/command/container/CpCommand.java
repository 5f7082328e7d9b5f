package io.github.dockerlessons.command.container;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.files.TarExtraction;
import io.github.dockerlessons.command.files.TarPacking;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.stream.Utf8StreamDecoder;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.GoText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code docker cp} between a container and the notebook's folder, with the CLI's rules for names
 * (into an existing folder a copy keeps its name, elsewhere it takes the destination's), its errors,
 * and a faithful copy (types, permission bits, times). {@code -} as the destination prints the
 * archive itself, as the CLI writes it to stdout.
 */
public final class CpCommand extends DeclaredCommand {
    /** Go's os.ModeDir and os.ModeSymlink: the top bits of the mode in the engine's path stat. */
    private static final long MODE_DIR = 1L << 31;
    private static final long MODE_SYMLINK = 1L << 27;

    /** -L: a symbolic link as the source is followed, and what it points at is copied under the link's name. */
    private static final Flag<Boolean> FOLLOW_LINK = Flag.bool('L', "follow-link");
    /** -a: into a container, files keep the owner (uid/gid) they have in the notebook's folder, not root's. */
    private static final Flag<Boolean> ARCHIVE = Flag.bool('a', "archive");

    public CpCommand() {
        super(CommandSpec.command("cp",
                        "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH")
                .aliases("docker container cp", "docker cp")
                .flags(ARCHIVE, FOLLOW_LINK)
                .arity(Arity.exactly(2)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
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
                copyOut(ctx, source.substring(0, sourceColon), source.substring(sourceColon + 1), destination,
                        in.get(FOLLOW_LINK));
            } else {
                copyIn(ctx, source, destination.substring(0, destinationColon),
                        destination.substring(destinationColon + 1), in.get(FOLLOW_LINK), in.get(ARCHIVE));
            }
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), "hint.cp.local");
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
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

    private static void copyOut(CommandContext ctx, String container, String requested, String destination,
                                boolean followLink)
            throws DockerError, InterruptedException, LocalFileError, DaemonError {
        Path target = destination.equals("-") ? null : Path.of(destination).toAbsolutePath().normalize();
        if (target != null) {
            validateOutputPath(target);
        }
        String path = requested;
        JsonObject stat = ctx.answer(RawRequest.pathStat(container, requested));
        if (stat == null) {
            throw new DaemonError(404, "Could not find the file " + path + " in container " + container, null);
        }
        // docker/cli's copyFromContainer with -L: a link is replaced by what it points at, which keeps
        // the link's name where the copy keeps its own (GetRebaseName)
        String keepName = null;
        if (followLink && isSymlink(stat.get("mode").getAsLong()) && stat.has("linkTarget")) {
            String linkTarget = stat.get("linkTarget").getAsString();
            if (!linkTarget.startsWith("/")) {
                int slash = requested.replaceAll("/+$", "").lastIndexOf('/');
                linkTarget = (slash < 0 ? "" : requested.substring(0, slash + 1)) + linkTarget;
            }
            path = linkTarget.replaceAll("/+$", "");
            if (requested.endsWith("/.")) {
                path += "/.";
            }
            String resolved = path;
            stat = ctx.answer(RawRequest.pathStat(container, resolved));
            if (stat == null) {
                throw new DaemonError(404, "Could not find the file " + path + " in container " + container, null);
            }
            String linkName = baseName(requested);
            if (!linkName.equals(baseName(path))) {
                keepName = linkName;
            }
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
        if (renameTo == null && keepName != null) {
            renameTo = keepName;
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
            throws DockerError, InterruptedException, DaemonError {
        InputStream archive = ctx.answer(client ->
                client.copyArchiveFromContainerCmd(Engine.pathSegment(container), path).exec());
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

    /**
     * docker/cli's ValidateOutputPath, checked before anything is copied: the destination's folder must
     * exist (only "does not exist" fails there, as os.IsNotExist), then the destination is stat-ed
     * (following links): missing, a folder or a regular file is fine, a device is never replaced, and
     * any other stat error (a file where a folder should be: "not a directory") is os.Stat's words.
     */
    static void validateOutputPath(Path target) throws LocalFileError {
        Path parent = target.getParent();
        if (parent != null) {
            try {
                Files.readAttributes(parent, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                throw new LocalFileError("invalid output path: directory " + GoText.quote(parent.toString())
                        + " does not exist");
            } catch (IOException e) {
                // not os.IsNotExist: the CLI goes on to stat the destination itself
            }
        }
        try {
            Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw LocalFileError.of("stat", target, e);
        }
        // ValidateOutputPathFileMode: a device (or a link to one) is never replaced by the copy
        HostFiles.Kind kind = HostFiles.kind(target);
        if (kind == HostFiles.Kind.CHARACTER_DEVICE || kind == HostFiles.Kind.BLOCK_DEVICE) {
            throw new LocalFileError("invalid output path: " + GoText.quote(target.toString())
                    + " must be a directory or a regular file: got a device");
        }
    }

    /** {@code docker cp CONTAINER:PATH -}: the archive itself on stdout. */
    private static void printArchive(CommandContext ctx, String container, String path)
            throws DockerError, InterruptedException, DaemonError {
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
            throw new DockerError(1, ctx.messages().get("error.engine.connection.lost", ctx.engineHost()));
        } finally {
            closeArchive(ctx, archive);
        }
    }

    /**
     * Packs the local file or folder under the name it gets in the container, as the CLI does: into
     * an existing folder (or a path ending in /) it keeps its own name; otherwise it takes the
     * destination's last name in the destination's folder. {@code -} sends the heredoc as the archive.
     */
    private static void copyIn(CommandContext ctx, String source, String container, String path, boolean followLink,
                               boolean keepOwners)
            throws DockerError, InterruptedException, LocalFileError, DaemonError {
        InputStream archive;
        String remoteDir;
        if (source.equals("-")) {
            if (ctx.heredoc() == null) {
                throw new DockerError(1, "", "hint.cp.stdin");
            }
            archive = new ByteArrayInputStream(ctx.heredoc());
            remoteDir = path;
        } else {
            Path given = Path.of(source).toAbsolutePath().normalize();
            if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
                throw new LocalFileError("lstat " + given + ": no such file or directory");
            }
            // -L: docker/cli's ResolveHostSourcePath; what the link points at, under the link's name
            Path local = given;
            if (followLink && Files.isSymbolicLink(given)) {
                try {
                    local = given.toRealPath();
                } catch (IOException e) {
                    throw LocalFileError.of("lstat", given, e);
                }
            }
            JsonObject stat = ctx.answer(RawRequest.pathStat(container, path));
            // Go's os.ModeDir is the top bit of the 32-bit mode; a symlink to a folder counts as one.
            boolean intoDirectory = path.endsWith("/") || (stat != null && (stat.get("mode").getAsLong() & MODE_DIR) != 0);
            String name;
            if (intoDirectory) {
                remoteDir = path;
                name = given.getFileName() == null ? "/" : given.getFileName().toString();
            } else {
                int slash = path.lastIndexOf('/');
                remoteDir = slash <= 0 ? "/" : path.substring(0, slash);
                name = path.substring(slash + 1);
            }
            archive = TarPacking.stream(local, name);
        }
        String folder = remoteDir;
        ctx.cancellation().register(archive);
        try {
            ctx.untilDone(ctx.messages().get("interrupt.engine.copying", container + ":" + path), client -> {
                client.copyArchiveToContainerCmd(Engine.pathSegment(container))
                        .withTarInputStream(archive)
                        .withRemotePath(folder).withNoOverwriteDirNonDir(true).withCopyUIDGID(keepOwners).exec();
                return null;
            });
        } catch (DaemonError | DockerError e) {
            // a file the packer could not read fails the copy in its own words, not as an engine problem
            LocalFileError packing = TarPacking.failure(archive);
            if (packing != null) {
                throw packing;
            }
            throw e;
        } finally {
            closeArchive(ctx, archive);
        }
    }

    /** The last name of a container path as Go's filepath.Base gives it ("/" for the root). */
    private static String baseName(String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    static boolean isSymlink(long mode) {
        return (mode & MODE_SYMLINK) != 0;
    }
}
