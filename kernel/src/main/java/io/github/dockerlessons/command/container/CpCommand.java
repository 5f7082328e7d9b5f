package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code docker cp}: files between a container and the notebook's folder. The engine speaks tar:
 * a copy out is unpacked here (commons-compress, which docker-java already uses), a copy in is
 * packed by docker-java. Like the CLI when its output is not a terminal, it prints nothing.
 */
public final class CpCommand extends DockerCommand {
    @Override
    public String name() {
        return "cp";
    }

    @Override
    public String usage() {
        return "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container cp", "docker cp");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        String source = args.get(0);
        String destination = args.get(1);
        int sourceColon = containerColon(source);
        int destinationColon = containerColon(destination);
        if ((sourceColon < 0) == (destinationColon < 0)) {
            throw new DockerError(1, sourceColon < 0 ? "must specify at least one container source"
                    : "copying between containers is not supported", "hint.cp.paths");
        }
        if (sourceColon >= 0) {
            copyOut(ctx, source.substring(0, sourceColon), source.substring(sourceColon + 1), Path.of(destination));
        } else {
            copyIn(ctx, Path.of(source), destination.substring(0, destinationColon),
                    destination.substring(destinationColon + 1));
        }
    }

    /** A "NAME:path" argument's colon, or -1 for a local path (which may not start with a name). */
    private static int containerColon(String arg) {
        int colon = arg.indexOf(':');
        if (colon <= 0 || arg.startsWith("/") || arg.startsWith(".")) {
            return -1;
        }
        return colon;
    }

    private void copyOut(CommandContext ctx, String container, String path, Path destination)
            throws DockerError, InterruptedException {
        Path target = destination.toAbsolutePath().normalize();
        engine(ctx, client -> {
            try (InputStream archive = client.copyArchiveFromContainerCmd(container, path).exec();
                 TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
                boolean intoDirectory = Files.isDirectory(target);
                String top = null;
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (top == null) {
                        top = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                    }
                    // The archive's top entry becomes the destination itself unless it is a folder.
                    String relative = intoDirectory ? name : target.getFileName() + name.substring(top.length());
                    Path out = (intoDirectory ? target : target.getParent()).resolve(relative).normalize();
                    if (!out.startsWith(intoDirectory ? target : target.getParent())) {
                        throw new IOException("archive entry outside the destination: " + name);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isFile()) {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return null;
        });
    }

    /**
     * Packs the local file or folder under the name it gets in the container, as the CLI does: into
     * an existing folder (or a path ending in /) it keeps its own name; otherwise it takes the
     * destination's last name in the destination's folder.
     */
    private void copyIn(CommandContext ctx, Path source, String container, String path)
            throws DockerError, InterruptedException {
        Path local = source.toAbsolutePath().normalize();
        if (!Files.exists(local)) {
            throw new DockerError(1, "lstat " + local + ": no such file or directory");
        }
        com.google.gson.JsonObject stat;
        try {
            stat = ctx.engine().pathStat(container, path);
        } catch (io.github.dockerlessons.engine.DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (io.github.dockerlessons.engine.EngineUnreachable e) {
            throw unreachable(e);
        }
        // Go's os.ModeDir is the top bit of the 32-bit mode.
        boolean intoDirectory = path.endsWith("/") || (stat != null && (stat.get("mode").getAsLong() & (1L << 31)) != 0);
        String remoteDir;
        String name;
        if (intoDirectory) {
            remoteDir = path;
            name = local.getFileName().toString();
        } else {
            int slash = path.lastIndexOf('/');
            remoteDir = slash <= 0 ? "/" : path.substring(0, slash);
            name = path.substring(slash + 1);
        }
        byte[] archive;
        try {
            archive = tar(local, name);
        } catch (IOException e) {
            throw new DockerError(1, "failed to read " + local + ": " + e.getMessage());
        }
        engine(ctx, client -> {
            client.copyArchiveToContainerCmd(container).withTarInputStream(new java.io.ByteArrayInputStream(archive))
                    .withRemotePath(remoteDir).withNoOverwriteDirNonDir(true).exec();
            return null;
        });
    }

    /** A tar of {@code local} whose top entry is called {@code name}. */
    private static byte[] tar(Path local, String name) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.tar.TarArchiveOutputStream tar =
                     new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX);
            List<Path> paths;
            try (var walk = Files.walk(local)) {
                paths = walk.sorted().toList();
            }
            for (Path path : paths) {
                String entryName = name + (path.equals(local) ? "" : "/" + local.relativize(path).toString().replace('\\', '/'));
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), entryName);
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(path)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
