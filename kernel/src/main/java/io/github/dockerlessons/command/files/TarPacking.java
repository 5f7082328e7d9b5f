package io.github.dockerlessons.command.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packs a file or folder of this computer for the engine as the docker CLI does: each entry keeps its
 * type (folder, file, symbolic link) and permission bits, and the top entry takes the name it gets in
 * the container.
 */
public final class TarPacking {
    private TarPacking() {
    }

    /** A tar of {@code local} whose top entry is called {@code name}. */
    public static byte[] pack(Path local, String name) throws LocalFileError {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path current = local;
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> paths;
            if (Files.isDirectory(local, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(local)) {
                    paths = walk.sorted().toList();
                }
            } else {
                paths = List.of(local);
            }
            for (Path path : paths) {
                current = path;
                String entryName = name + (path.equals(local) ? "" : "/" + local.relativize(path).toString().replace('\\', '/'));
                TarArchiveEntry entry;
                if (Files.isSymbolicLink(path)) {
                    entry = new TarArchiveEntry(entryName, TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                } else {
                    entry = new TarArchiveEntry(path, entryName, LinkOption.NOFOLLOW_LINKS);
                }
                try {
                    entry.setMode((entry.getMode() & ~07777) | Posix.mode(path));
                } catch (UnsupportedOperationException e) {
                    // no POSIX permissions here (Windows): the archive's defaults stand
                }
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw LocalFileError.of("open", current, e);
        }
        return bytes.toByteArray();
    }
}
