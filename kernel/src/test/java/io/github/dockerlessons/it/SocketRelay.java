package io.github.dockerlessons.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A socket in front of an engine's unix socket, relaying bytes both ways: a plain-HTTP tcp port on
 * loopback (an engine reached with tcp://, and the "plain port" DOCKER_TLS_VERIFY=1 must refuse), or a
 * unix socket where Docker Desktop or Podman would put theirs, in a fake home.
 */
final class SocketRelay implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socketFile;

    private SocketRelay(ServerSocketChannel server, Path socketFile, Path engine) {
        this.server = server;
        this.socketFile = socketFile;
        Thread acceptor = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel client = server.accept();
                    SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        }, "socket-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SocketRelay tcp(Path engine) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new SocketRelay(server, null, engine);
    }

    static SocketRelay unix(Path socket, Path engine) throws IOException {
        Files.createDirectories(socket.getParent());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new SocketRelay(server, socket, engine);
    }

    /** A socket file nobody listens on, as a crashed engine leaves behind: connecting is refused. */
    static void stale(Path socket) throws IOException {
        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
    }

    private static void pipe(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
                to.shutdownOutput();
            } catch (IOException ignored) {
                // one side closed
            }
        }, "socket-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    String host() throws IOException {
        SocketAddress address = server.getLocalAddress();
        return address instanceof InetSocketAddress inet ? "tcp://127.0.0.1:" + inet.getPort() : "unix://" + socketFile;
    }

    @Override
    public void close() throws IOException {
        server.close();
        if (socketFile != null) {
            Files.deleteIfExists(socketFile);
        }
    }
}
