package io.github.dockerlessons.command.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Unpacks an archive from the engine into a folder of this computer as the docker CLI does (moby's
 * archive.Untar with NoLchown and NoOverwriteDirNonDir): every entry keeps its type (folder, file,
 * symbolic link, hard link, named pipe), its permission bits and its modification time; ownership is
 * left to the user who copies. The top entry can be renamed (a copy to a new name). No entry lands
 * outside the destination, neither by its name ({@code ../x}) nor through a symbolic link unpacked
 * before it.
 */
public final class TarExtraction {
    private record Folder(Path path, int mode, FileTime modified) { }

    private final Path destination;
    private final Path realDestination;
    /** What every entry must land in: the copy's own path (the renamed top, or the top's name), never beside it. */
    private final Path containment;
    private final String topName;
    private final String renameTopTo;
    private final Deque<Folder> folders = new ArrayDeque<>();

    /**
     * @param destination the folder the entries land in; it must exist
     * @param topName     the archive's top entry name (its first path element)
     * @param renameTopTo the name it gets there, "" to unpack its contents directly, or null to keep it
     */
    public TarExtraction(Path destination, String topName, String renameTopTo) throws IOException {
        this.destination = destination.toAbsolutePath().normalize();
        this.realDestination = this.destination.toRealPath();
        this.topName = topName;
        this.renameTopTo = renameTopTo;
        this.containment = renameTopTo != null ? this.destination.resolve(renameTopTo).normalize()
                : topName == null || isRoot(topName) ? this.destination
                : this.destination.resolve(strip(topName)).normalize();
        if (!containment.startsWith(this.destination)) {
            throw new IOException("invalid archive top " + topName + ": outside " + this.destination);
        }
    }

    /** The engine names the archive of a container's / so: every entry is under it. */
    private static boolean isRoot(String topName) {
        return strip(topName).isEmpty() || strip(topName).equals(".");
    }

    public void extract(InputStream archive) throws LocalFileError, IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = rebase(entry.getName());
                if (name.isEmpty()) {
                    if (entry.isDirectory()) {
                        folders.push(new Folder(destination, entry.getMode(), FileTime.from(entry.getModTime().toInstant())));
                    }
                    continue;
                }
                Path out = destination.resolve(name).normalize();
                if (Path.of(entry.getName()).isAbsolute() && !isRoot(topName == null ? "" : topName)
                        || !out.startsWith(containment) || !insideThroughLinks(out.getParent())) {
                    // an engine's archive that names a path beside the copy (x/../sibling, /tmp/...)
                    throw new LocalFileError("invalid archive entry " + entry.getName() + ": outside " + containment);
                }
                write(tar, entry, out);
            }
        }
        while (!folders.isEmpty()) {
            Folder folder = folders.pop();
            try {
                Posix.chmod(folder.path(), folder.mode());
                Files.setLastModifiedTime(folder.path(), folder.modified());
            } catch (IOException e) {
                throw LocalFileError.of("chmod", folder.path(), e);
            }
        }
    }

    /** The entry's name in the destination, with the top entry renamed as asked. */
    private String rebase(String raw) {
        String name = strip(raw);
        if (renameTopTo == null || topName == null) {
            return name;
        }
        if (isRoot(topName)) {
            // the archive of / names its entries /bin, /etc: all of them are the top's contents
            return renameTopTo.isEmpty() || name.isEmpty() ? renameTopTo + name
                    : renameTopTo + "/" + name;
        }
        if (name.equals(topName)) {
            return renameTopTo;
        }
        if (name.startsWith(topName + "/")) {
            String rest = name.substring(topName.length() + 1);
            return renameTopTo.isEmpty() ? rest : renameTopTo + "/" + rest;
        }
        return name;
    }

    /** A tar name without its leading "./" or "/" and its trailing "/". */
    private static String strip(String raw) {
        String name = raw;
        while (name.startsWith("./") || name.startsWith("/")) {
            name = name.substring(name.startsWith("./") ? 2 : 1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    /** The folder an entry is written into really lies in the destination (no symlink leads out). */
    private boolean insideThroughLinks(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing != null && existing.toRealPath().startsWith(realDestination);
    }

    private void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path out) throws LocalFileError {
        FileTime modified = FileTime.from(entry.getModTime().toInstant());
        try {
            Files.createDirectories(out.getParent());
            if (entry.isDirectory()) {
                if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                    throw new LocalFileError("cannot overwrite non-directory " + out + " with directory");
                }
                Files.createDirectories(out);
                folders.push(new Folder(out, entry.getMode(), modified));
                return;
            }
            if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                throw new LocalFileError("cannot overwrite directory " + out + " with non-directory");
            }
            Files.deleteIfExists(out);
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Path target = destination.resolve(rebase(entry.getLinkName())).normalize();
                // link(2) follows links on the way to the target: one unpacked earlier must not lead out
                if (!target.startsWith(containment) || !insideThroughLinks(target.getParent())) {
                    throw new LocalFileError("invalid hard link " + entry.getName() + " -> " + entry.getLinkName()
                            + ": outside " + containment);
                }
                Files.createLink(out, target);
            } else if (entry.isFIFO()) {
                Posix.mkfifo(out, entry.getMode());
                Posix.chmod(out, entry.getMode());
                Posix.setPipeTime(out, modified.toMillis());
            } else if (entry.isFile()) {
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                Posix.chmod(out, entry.getMode());
                Files.setLastModifiedTime(out, modified);
            } else {
                throw new LocalFileError("cannot make " + out + ": device files are not copied by this kernel");
            }
        } catch (IOException e) {
            throw LocalFileError.of("open", out, e);
        }
    }
}
