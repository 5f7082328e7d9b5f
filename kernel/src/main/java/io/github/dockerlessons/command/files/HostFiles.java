package io.github.dockerlessons.command.files;

import io.github.dockerlessons.engine.Cancellation;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The one way the kernel reads a file a user names (env and label files, Compose files and .env,
 * seccomp profiles, tars for load and import): as Go's os.Open reads it, named pipes and devices
 * included, but always where the stop button reaches it, and text read whole is bounded. A named
 * pipe blocks in open until something writes to it, and a read from a pipe or a device may wait
 * forever; /dev/zero never ends. The CLI's user presses Ctrl-C; a notebook's presses stop, so a read
 * that may wait runs under the cell's {@link Cancellation}, and a whole-file read stops at a limit.
 */
public final class HostFiles {
    /** What a command reads whole: far more than any env, label or Compose file, far less than the heap. */
    public static final long TEXT_LIMIT = 8L << 20;

    /** A path's type as lstat or stat tells it (Go's os.FileMode type bits). */
    public enum Kind { MISSING, REGULAR, DIRECTORY, SYMLINK, FIFO, CHARACTER_DEVICE, BLOCK_DEVICE, SOCKET }

    private HostFiles() {
    }

    /** The type of {@code path}; with {@link LinkOption#NOFOLLOW_LINKS} a symbolic link is itself. */
    public static Kind kind(Path path, LinkOption... options) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", options);
            return switch (mode & 0170000) {
                case 0100000 -> Kind.REGULAR;
                case 0040000 -> Kind.DIRECTORY;
                case 0120000 -> Kind.SYMLINK;
                case 0010000 -> Kind.FIFO;
                case 0020000 -> Kind.CHARACTER_DEVICE;
                case 0060000 -> Kind.BLOCK_DEVICE;
                case 0140000 -> Kind.SOCKET;
                default -> Kind.REGULAR;
            };
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return basicKind(path, options);
        } catch (IOException e) {
            return Kind.MISSING;
        }
    }

    /** Where there is no "unix" view (Windows): what Java's basic attributes tell. */
    private static Kind basicKind(Path path, LinkOption... options) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, options);
            return a.isSymbolicLink() ? Kind.SYMLINK : a.isDirectory() ? Kind.DIRECTORY
                    : a.isRegularFile() ? Kind.REGULAR : Kind.CHARACTER_DEVICE;
        } catch (IOException e) {
            return Kind.MISSING;
        }
    }

    /**
     * The words of docker's atomicwriter for a path that must not be replaced by a written file, or
     * null when {@code path} may be written (missing, or a regular file). A special file is never
     * truncated or replaced. With {@link LinkOption#NOFOLLOW_LINKS} a symbolic link is refused itself.
     */
    public static String notWritable(Path path, LinkOption... options) {
        return switch (kind(path, options)) {
            case MISSING, REGULAR -> null;
            case DIRECTORY -> "cannot write to a directory";
            case SYMLINK -> "cannot write to a symbolic link directly";
            case FIFO -> "cannot write to a named pipe (FIFO)";
            case SOCKET -> "cannot write to a socket";
            case CHARACTER_DEVICE -> "cannot write to a character device file";
            case BLOCK_DEVICE -> "cannot write to a block device file";
        };
    }

    /**
     * Opens {@code path} for reading, as os.Open does ({@code shown} is the name errors use). The
     * stream is the running cell's to close: the stop button ends an open that waits for a pipe's
     * writer and a read that waits for data. Close it when done.
     */
    public static InputStream open(Path path, Object shown) throws LocalFileError, InterruptedException {
        Kind kind = kind(path);
        if (kind == Kind.DIRECTORY) {
            // os.Open succeeds on a folder; the first read fails so
            throw new LocalFileError("read " + shown + ": is a directory");
        }
        Cancellation cell = Cancellation.current();
        FileChannel channel = kind == Kind.FIFO ? openPipe(path, shown, cell) : openNow(path, shown);
        if (cell == null) {
            return Channels.newInputStream(channel);
        }
        // Closing a FileChannel wakes a thread blocked in its read: that is the stop button's reach.
        cell.register(channel);
        return new FilterInputStream(Channels.newInputStream(channel)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (ClosedChannelException e) {
                    throw stopped(cell, e);
                }
            }

            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (ClosedChannelException e) {
                    throw stopped(cell, e);
                }
            }

            @Override
            public void close() throws IOException {
                cell.unregister(channel);
                super.close();
            }
        };
    }

    private static IOException stopped(Cancellation cell, ClosedChannelException e) {
        return cell.isCancelled() ? new StoppedRead() : e;
    }

    /** A read the stop button ended: the cell reports the interrupt, not a file error. */
    public static final class StoppedRead extends IOException {
        StoppedRead() {
            super("stopped", null);
        }
    }

    /**
     * The whole of {@code path}, at most {@code limit} bytes; beyond that the read stops with "file too
     * large" (EFBIG's words), so neither /dev/zero nor a huge file can fill the kernel's memory.
     */
    public static byte[] read(Path path, Object shown, long limit) throws LocalFileError, InterruptedException {
        try (InputStream in = open(path, shown)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (bytes.size() + (long) n > limit) {
                    throw tooLarge(shown);
                }
                bytes.write(buffer, 0, n);
            }
            return bytes.toByteArray();
        } catch (StoppedRead e) {
            throw new InterruptedException();
        } catch (IOException e) {
            throw LocalFileError.of("read", shown, e);
        }
    }

    public static LocalFileError tooLarge(Object shown) {
        return new LocalFileError("read " + shown + ": file too large");
    }

    private static FileChannel openNow(Path path, Object shown) throws LocalFileError {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw LocalFileError.of("open", shown, e);
        }
    }

    /**
     * Opening a named pipe waits for its writer, and no Java call can be interrupted there: the open
     * runs on a thread of its own, and when the stop button is pressed the pipe is opened from the
     * other end (which the waiting reader lets through at once) and closed, so that thread ends too.
     */
    private static FileChannel openPipe(Path path, Object shown, Cancellation cell)
            throws LocalFileError, InterruptedException {
        if (cell == null) {
            return openNow(path, shown);
        }
        CompletableFuture<FileChannel> opened = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                FileChannel channel = openNow(path, shown);
                if (!opened.complete(channel)) {
                    closeQuietly(channel); // the stop button came first: nobody reads it
                }
            } catch (Throwable t) {
                opened.completeExceptionally(t);
            }
        }, "pipe-open");
        opener.setDaemon(true);
        Closeable stop = () -> {
            if (opened.cancel(false)) {
                releaseWaitingOpen(path);
            }
        };
        cell.register(stop);
        opener.start();
        try {
            return opened.get();
        } catch (CancellationException e) {
            throw new InterruptedException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LocalFileError local) {
                throw local;
            }
            throw new LocalFileError("open " + shown + ": " + e.getCause().getMessage());
        } finally {
            cell.unregister(stop);
        }
    }

    /** Opens the pipe for writing and closes it: a reader waiting in open goes on and reads the end. */
    private static void releaseWaitingOpen(Path path) {
        Thread releaser = new Thread(() -> {
            try (OutputStream ignored = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
                // opened only to let the waiting reader through
            } catch (IOException | RuntimeException ignored) {
                // the reader went away already
            }
        }, "pipe-release");
        releaser.setDaemon(true);
        releaser.start();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }
}
