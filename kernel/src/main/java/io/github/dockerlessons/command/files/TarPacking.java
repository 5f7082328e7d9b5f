package io.github.dockerlessons.command.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
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

    /** A tar of {@code local} whose top entry is called {@code name}, whole in memory (small trees: tests). */
    public static byte[] pack(Path local, String name) throws LocalFileError {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(local, name, bytes);
        return bytes.toByteArray();
    }

    /**
     * A tar of {@code local} as a stream, packed on a thread of its own while the engine reads it: a
     * folder of any size costs a pipe's buffer, never its size. A file that cannot be read ends the
     * stream with an error (never a short tar that looks whole); closing the stream stops the packing.
     */
    public static InputStream stream(Path local, String name) throws LocalFileError {
        PipedInputStream pipe = new PipedInputStream(PIPE_BUFFER);
        PipedOutputStream sink;
        try {
            sink = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new LocalFileError("pipe: " + e.getMessage());
        }
        Packing packing = new Packing(pipe);
        Thread packer = new Thread(() -> {
            try {
                write(local, name, sink);
            } catch (LocalFileError e) {
                packing.failure = e; // set before the pipe closes, so the reader sees it with the end
            } finally {
                try {
                    sink.close();
                } catch (IOException ignored) {
                    // the reader went away
                }
            }
        }, "cp-pack");
        packer.setDaemon(true);
        packer.start();
        return packing;
    }

    /** What stopped the packing of a {@link #stream} (a file that could not be read), or null. */
    public static LocalFileError failure(InputStream archive) {
        return archive instanceof Packing packing ? packing.failure : null;
    }

    /** Large enough that the engine's reads rarely wait, small beside the heap. */
    private static final int PIPE_BUFFER = 1 << 20;

    /** The reading end: the packer's failure comes out as an IOException at the end of the bytes. */
    private static final class Packing extends FilterInputStream {
        private volatile LocalFileError failure;

        Packing(PipedInputStream pipe) {
            super(pipe);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                endOrFail();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n < 0) {
                endOrFail();
            }
            return n;
        }

        private void endOrFail() throws IOException {
            if (failure != null) {
                throw new PackingFailed(failure);
            }
        }
    }

    /** What the packer could not read, carried through the engine call that was reading the stream. */
    public static final class PackingFailed extends IOException {
        private final LocalFileError cause;

        PackingFailed(LocalFileError cause) {
            super(cause.getMessage(), null);
            this.cause = cause;
        }

        public LocalFileError local() {
            return cause;
        }
    }

    private static void write(Path local, String name, OutputStream out) throws LocalFileError {
        Path current = local;
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
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
    }
}
