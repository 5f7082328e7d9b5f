package io.github.dockerlessons.portforward;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens TCP connections inside another network namespace (the private engine's), from this process.
 * A network namespace belongs to a thread, and a socket keeps the namespace it was made in: one
 * thread moves into the engine's namespace once (setns) and makes every connection there; the
 * connections are then used from any thread. No process runs inside the namespace.
 */
final class NamespaceConnector implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int CLONE_NEWNET = 0x40000000;

    /** The three libc calls this needs. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final ExecutorService inside;

    /** A connector into the namespace at {@code namespacePath} (/run/netns/NAME); fails if it cannot enter. */
    NamespaceConnector(String namespacePath) throws IOException {
        inside = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "inside-" + namespacePath);
            thread.setDaemon(true);
            return thread;
        });
        Future<?> entered = inside.submit(() -> {
            LibC libc = Native.load("c", LibC.class);
            int fd = libc.open(namespacePath, O_RDONLY);
            try {
                libc.setns(fd, CLONE_NEWNET);
            } finally {
                libc.close(fd);
            }
            return null;
        });
        try {
            entered.get();
        } catch (ExecutionException e) {
            inside.shutdownNow();
            throw new IOException("cannot enter the network namespace " + namespacePath + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while entering " + namespacePath, e);
        }
    }

    /** A connection to {@code host:port} as seen inside the namespace. */
    SocketChannel connect(String host, int port) throws IOException {
        Future<SocketChannel> made = inside.submit(() -> {
            SocketChannel channel = SocketChannel.open();
            try {
                channel.connect(new InetSocketAddress(host, port));
                return channel;
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        });
        try {
            return made.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        inside.shutdownNow();
    }
}
