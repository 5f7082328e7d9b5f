package io.github.dockerlessons.portforward;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One published port: a listener on this computer's 127.0.0.1:PORT, and for each connection to it a
 * connection to the same port inside the engine's namespace, with bytes copied both ways until both
 * sides are done. Closing the relay stops the listener and ends its connections.
 */
final class PortRelay implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    /** Threads for connections, kept for the next ones: a browser opens many short connections. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "relay");
        thread.setDaemon(true);
        return thread;
    });

    private final int port;
    private final String target;
    private final Dialer dialer;
    private final ServerSocketChannel listener;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Log log;

    /** Makes the connection inside the namespace for each connection to the listener. */
    interface Dialer {
        SocketChannel dial() throws IOException;
    }

    /** Where the relay reports what happens. */
    interface Log {
        void line(String text);
    }

    private PortRelay(int port, String target, Dialer dialer, ServerSocketChannel listener, Log log) {
        this.port = port;
        this.target = target;
        this.dialer = dialer;
        this.listener = listener;
        this.log = log;
    }

    /** Listens on 127.0.0.1:{@code port}; throws when this computer already uses the port. */
    static PortRelay open(int port, String insideHost, NamespaceConnector connector, Log log) throws IOException {
        return open(port, insideHost, () -> connector.connect(insideHost, port), log);
    }

    /**
     * Listens on 127.0.0.1:{@code port} and dials each connection's other end with {@code dialer};
     * {@code target} says where that goes (a relay whose target changes is replaced).
     */
    static PortRelay open(int port, String target, Dialer dialer, Log log) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        PortRelay relay = new PortRelay(port, target, dialer, listener, log);
        Thread accept = new Thread(relay::acceptLoop, "accept-" + port);
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    int port() {
        return port;
    }

    /** Where connections go: the address inside the namespace, or the service. */
    String target() {
        return target;
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            SocketChannel outside;
            try {
                outside = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!listener.isOpen()) {
                    return;
                }
                log.line("accept on 127.0.0.1:" + port + " failed: " + e.getMessage());
                continue;
            }
            THREADS.execute(() -> relay(outside));
        }
    }

    private void relay(SocketChannel outside) {
        SocketChannel inside;
        try {
            inside = dialer.dial();
        } catch (IOException e) {
            // The container is not listening (yet): the client sees the connection close.
            closeQuietly(outside);
            return;
        }
        open.add(outside);
        open.add(inside);
        try {
            outside.setOption(StandardSocketOptions.TCP_NODELAY, true);
            inside.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException ignored) {
            // only latency
        }
        Future<?> back = THREADS.submit(() -> pump(inside, outside));
        pump(outside, inside);
        try {
            back.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the pump closes both sides on failure
        }
        open.remove(outside);
        open.remove(inside);
        closeQuietly(outside);
        closeQuietly(inside);
    }

    /** Copies until {@code from} ends, then ends the writing side of {@code to}. */
    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(PortRelay::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is left to do
        }
    }
}
