package io.github.dockerlessons.command.files;

import io.github.dockerlessons.engine.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: special files are told apart, never written, read bounded, and a waiting read ends on stop. */
class HostFilesTest {
    @TempDir
    Path dir;

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        Posix.mkfifo(fifo, 0600);
        return fifo;
    }

    @Test
    void specialFilesAreToldApartAndRefusedInTheAtomicWritersWords() throws Exception {
        Path fifo = fifo();
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("/dev/full"));
        assertEquals("cannot write to a character device file", HostFiles.notWritable(Path.of("/dev/full")));
        assertEquals("cannot write to a named pipe (FIFO)", HostFiles.notWritable(fifo));
        assertEquals("cannot write to a directory", HostFiles.notWritable(dir));
        assertEquals("cannot write to a symbolic link directly", HostFiles.notWritable(link, LinkOption.NOFOLLOW_LINKS));
        assertEquals("cannot write to a character device file", HostFiles.notWritable(link));
        assertNull(HostFiles.notWritable(dir.resolve("new")));
        assertNull(HostFiles.notWritable(Files.writeString(dir.resolve("plain"), "x")));
    }

    @Test
    void anEndlessDeviceStopsAtTheLimit() {
        LocalFileError e = assertThrows(LocalFileError.class, () -> HostFiles.read(Path.of("/dev/zero"), "/dev/zero", 1 << 20));
        assertEquals("read /dev/zero: file too large", e.getMessage());
    }

    /** The JDK says "... or unable to access attributes of symbolic link" after ELOOP's words; Go does not. */
    @Test
    void aSymlinkLoopIsNamedAsGoNamesIt() throws Exception {
        Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
        LocalFileError e = assertThrows(LocalFileError.class, () -> HostFiles.read(dir.resolve("a"), "a", 100));
        assertEquals("open a: too many levels of symbolic links", e.getMessage());
    }

    @Test
    void aFolderIsReadAsGoSaysIt() {
        LocalFileError e = assertThrows(LocalFileError.class, () -> HostFiles.read(dir, "d", 100));
        assertEquals("read d: is a directory", e.getMessage());
    }

    @Test
    void aPipeNobodyWritesEndsWithTheStopButton() throws Exception {
        Path fifo = fifo();
        Cancellation cell = new Cancellation();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            cell.enter();
            try {
                HostFiles.read(fifo, fifo, 1000);
                return null;
            } catch (Throwable t) {
                return t;
            } finally {
                cell.leave();
            }
        });
        Thread.sleep(300);
        long pressed = System.nanoTime();
        cell.cancel();
        Throwable ended = reader.get(5, TimeUnit.SECONDS);
        assertTrue(ended instanceof InterruptedException, String.valueOf(ended));
        assertTrue(System.nanoTime() - pressed < TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void aPipeThatIsOpenButSilentEndsWithTheStopButtonToo() throws Exception {
        Path fifo = fifo();
        Cancellation cell = new Cancellation();
        // a writer that opens the pipe and never writes nor closes
        Thread holder = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                Thread.sleep(10_000);
            } catch (Exception ignored) {
                // ends with the test
            }
        });
        holder.setDaemon(true);
        holder.start();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            cell.enter();
            try {
                HostFiles.read(fifo, fifo, 1000);
                return null;
            } catch (Throwable t) {
                return t;
            } finally {
                cell.leave();
            }
        });
        Thread.sleep(300);
        cell.cancel();
        Throwable ended = reader.get(5, TimeUnit.SECONDS);
        assertTrue(ended instanceof InterruptedException, String.valueOf(ended));
        holder.interrupt();
    }
}
