package io.github.dockerlessons.command.container;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The classroom's port dialer (install/classroom.d/port_dialer.py), asked whether something answers on
 * a port of the student's engine: in a classroom the engine publishes its ports inside the student's
 * own network namespace, which the kernel does not share, and the dialer runs there.
 */
final class PortDialer {
    private PortDialer() {
    }

    /** Null when something accepted a connection on the port; else why not, in the dialer's words. */
    static String probe(Path socket, int port, Duration limit) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("probe " + port + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer reply = ByteBuffer.allocate(256);
            long deadline = System.nanoTime() + limit.toNanos();
            while (reply.hasRemaining()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("the port dialer did not answer within " + limit.toSeconds() + " s");
                }
                selector.select(left);
                int read = channel.read(reply);
                if (read < 0 || new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8).contains("\n")) {
                    break;
                }
            }
            String answer = new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8).strip();
            if (answer.equals("ok")) {
                return null;
            }
            return answer.isEmpty() ? "no answer" : answer.replaceFirst("^error ", "");
        }
    }
}
