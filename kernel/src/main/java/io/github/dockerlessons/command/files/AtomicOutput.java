package io.github.dockerlessons.command.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file of this computer written whole or not at all, as the CLI's atomicwriter writes the tar of
 * {@code save -o} and {@code export -o}: the bytes go to a hidden file beside it, which takes the
 * file's name only when everything arrived, so a failed or stopped save never leaves half a tar.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final OutputStream out;
    private boolean committed;

    private AtomicOutput(Path target, Path temporary, OutputStream out) {
        this.target = target;
        this.temporary = temporary;
        this.out = out;
    }

    /** A writer for {@code name} (relative to the notebook's folder), or the CLI's reason why not. */
    public static AtomicOutput create(String name) throws LocalFileError {
        Path target = Path.of(name).toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (!Files.exists(Path.of(name), LinkOption.NOFOLLOW_LINKS)) {
            Path given = Path.of(name).getParent() == null ? Path.of(".") : Path.of(name).getParent();
            if (!Files.exists(folder)) {
                throw new LocalFileError("invalid output path: stat " + given + ": no such file or directory");
            }
            if (!Files.isDirectory(folder)) {
                throw new LocalFileError("invalid output path: stat " + given + ": not a directory");
            }
        } else if (HostFiles.notWritable(Path.of(name), LinkOption.NOFOLLOW_LINKS) != null) {
            // a device, a pipe, a socket, a folder or a link is never replaced by the tar
            throw new LocalFileError(HostFiles.notWritable(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        }
        try {
            Path temporary = Files.createTempFile(folder, ".tmp-" + target.getFileName(), "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return new AtomicOutput(target, temporary, Files.newOutputStream(temporary));
        } catch (IOException e) {
            throw LocalFileError.of("open", name, e);
        }
    }

    /** Copies {@code in} to the file; a failure to write is the local side's. */
    public long copyFrom(InputStream in) throws IOException, LocalFileError {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw LocalFileError.of("write", target, e);
            }
            total += n;
        }
        return total;
    }

    /** Gives the file its name. */
    public void commit() throws LocalFileError {
        try {
            out.close();
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw LocalFileError.of("rename", target, e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                out.close();
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a hidden temporary file is all that may be left
            }
        }
    }
}
