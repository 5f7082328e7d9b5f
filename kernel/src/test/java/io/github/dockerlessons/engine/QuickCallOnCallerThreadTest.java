package io.github.dockerlessons.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22's ps cell: a quick call to an engine behind a unix socket runs on the caller's thread (no
 * hand-off), and the stop button and the time limit still end it at once when the engine stalls; the
 * thread comes back with no interrupt pending (its next ZMQ send would otherwise close the socket).
 */
class QuickCallOnCallerThreadTest {
    @TempDir
    Path dir;
    private final List<SocketChannel> accepted = new ArrayList<>();
    private ServerSocketChannel server;
    private final AtomicBoolean stall = new AtomicBoolean();

    /** An engine on a unix socket that answers /_ping with OK, or reads requests and never answers. */
    private EngineGateway gateway() throws IOException {
        Path socket = dir.resolve("docker.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    SocketChannel client = server.accept();
                    synchronized (accepted) {
                        accepted.add(client);
                    }
                    Thread serve = new Thread(() -> serve(client));
                    serve.setDaemon(true);
                    serve.start();
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return new EngineGateway(EngineDiscovery.fixed("unix://" + socket));
    }

    private void serve(SocketChannel client) {
        ByteBuffer in = ByteBuffer.allocate(8192);
        StringBuilder request = new StringBuilder();
        try {
            while (client.read(in) > 0) {
                request.append(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
                in.clear();
                if (request.indexOf("\r\n\r\n") >= 0) {
                    request.setLength(0);
                    if (!stall.get()) {
                        client.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                + "Content-Length: 2\r\n\r\nOK").getBytes(StandardCharsets.ISO_8859_1)));
                    }
                }
            }
        } catch (IOException closed) {
            // the kernel let the connection go
        }
    }

    @AfterEach
    void stopEngine() throws IOException {
        if (server != null) {
            server.close();
        }
        synchronized (accepted) {
            for (SocketChannel client : accepted) {
                client.close();
            }
        }
    }

    @Test
    void aQuickCallRunsOnTheCallersThread() throws Exception {
        try (EngineGateway gateway = gateway()) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            String answer = gateway.call(client -> {
                ranOn.set(Thread.currentThread());
                return client.pingCmd().exec() == null ? "OK" : "OK";
            }, new Cancellation(), Duration.ofSeconds(5));
            assertEquals("OK", answer);
            assertSame(Thread.currentThread(), ranOn.get());
            // A call without a time limit (it may be long and write to the console) keeps its own thread.
            gateway.call(client -> {
                ranOn.set(Thread.currentThread());
                return client.pingCmd().exec();
            }, new Cancellation(), null);
            assertNotSame(Thread.currentThread(), ranOn.get());
        }
    }

    @Test
    void theStopButtonEndsAQuickCallToAStalledEngine() throws Exception {
        try (EngineGateway gateway = gateway()) {
            stall.set(true);
            Cancellation cancellation = new Cancellation();
            Thread stopButton = new Thread(() -> {
                sleep(300);
                cancellation.cancel();
            });
            stopButton.start();
            long t0 = System.nanoTime();
            assertThrows(InterruptedException.class,
                    () -> gateway.call(client -> client.pingCmd().exec(), cancellation, Duration.ofSeconds(30)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5000, ms + " ms");
            assertFalse(Thread.currentThread().isInterrupted(), "an interrupt left pending");
            // The engine answers again: the next call works on a fresh connection.
            stall.set(false);
            gateway.call(client -> client.pingCmd().exec(), new Cancellation(), Duration.ofSeconds(5));
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void theTimeLimitEndsAQuickCallToAStalledEngine() throws Exception {
        try (EngineGateway gateway = gateway()) {
            stall.set(true);
            long t0 = System.nanoTime();
            assertThrows(EngineTimeout.class,
                    () -> gateway.call(client -> client.pingCmd().exec(), new Cancellation(), Duration.ofMillis(400)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 350 && ms < 5000, ms + " ms");
            assertFalse(Thread.currentThread().isInterrupted(), "an interrupt left pending");
            stall.set(false);
            for (int i = 0; i < 20; i++) { // many quick calls in a row: no late interrupt from an old limit
                gateway.call(client -> client.pingCmd().exec(), new Cancellation(), Duration.ofMillis(400));
            }
            sleep(600);
            assertFalse(Thread.currentThread().isInterrupted(), "a deadline fired after its call ended");
        }
    }

    @Test
    void aStopPressedBeforeTheCallEndsItWithoutWaiting() throws Exception {
        try (EngineGateway gateway = gateway()) {
            stall.set(true);
            Cancellation cancellation = new Cancellation();
            cancellation.cancel();
            assertThrows(InterruptedException.class,
                    () -> gateway.call(client -> client.pingCmd().exec(), cancellation, Duration.ofSeconds(30)));
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }

    /** A gateway per -c cell, %live panel or %%check context: closing it must not leave its watchdog behind. */
    @Test
    void aClosedGatewayLeavesNoDeadlineWatchdog() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (EngineGateway gateway = gateway()) {
            gateway.call(client -> client.pingCmd().exec(), new Cancellation(), Duration.ofSeconds(5));
        }
        long until = System.nanoTime() + 5_000_000_000L;
        List<Thread> left;
        do {
            sleep(20);
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("engine-deadlines") && !before.contains(t) && t.isAlive()).toList();
        } while (!left.isEmpty() && System.nanoTime() < until);
        assertEquals(List.of(), left);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
