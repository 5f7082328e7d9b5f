package io.github.dockerlessons.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An attach or exec stream whose stdin is a heredoc, with the end of the heredoc delivered as EOF.
 *
 * <p>docker-java's hijacked connections never half-close the socket when stdin runs out (upstream
 * issue 1448), so a program such as {@code cat} or {@code redis-cli} reading a heredoc without a TTY
 * waits forever. This is the same HTTP upgrade the docker CLI performs, on a connection that can
 * half-close: the writer sends the heredoc and shuts its side down (over TLS 1.3 with close_notify,
 * as the CLI's CloseWrite does); the reader turns the engine's multiplexed frames (or the raw TTY
 * stream) into docker-java {@link Frame}s. unix:// and tcp:// engines, with or without TLS.
 */
public final class HijackedStream implements Closeable {
    private final Wire channel;
    private final boolean tty;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Thread writer;
    private ByteBuffer leftover;

    private HijackedStream(Wire channel, boolean tty, ByteBuffer leftover) {
        this.channel = channel;
        this.tty = tty;
        this.leftover = leftover;
    }

    /** Whether this endpoint is one this class can open (unix:// or tcp://, with or without TLS). */
    public static boolean supports(EngineEndpoint endpoint) {
        return endpoint.host().startsWith("unix://") || endpoint.isTcp();
    }

    /**
     * Sends the upgrade request and reads the engine's answer; the stream is ready when this returns.
     * {@code tls} is the endpoint's SSLContext, or null for plain connections.
     */
    static HijackedStream open(EngineEndpoint endpoint, SSLContext tls, String path, String jsonBody, boolean tty)
            throws IOException, DaemonError {
        Wire channel = connect(endpoint, tls);
        try {
            byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
            String request = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: docker\r\n"
                    + "User-Agent: docker-lesson-kernel\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Upgrade: tcp\r\n\r\n";
            writeFully(channel, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            writeFully(channel, ByteBuffer.wrap(body));
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            int headerEnd;
            while ((headerEnd = headerEnd(buffer)) < 0) {
                if (!buffer.hasRemaining()) {
                    throw new IOException("engine answered with oversized headers");
                }
                if (channel.read(buffer) < 0) {
                    throw new IOException("engine closed the connection during the upgrade");
                }
            }
            String head = new String(buffer.array(), 0, headerEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            ByteBuffer rest = ByteBuffer.wrap(buffer.array(), headerEnd + 4, buffer.position() - headerEnd - 4);
            if (status >= 400) {
                ByteArrayOutputStream error = new ByteArrayOutputStream();
                error.write(rest.array(), rest.position(), rest.remaining());
                ByteBuffer more = ByteBuffer.allocate(4096);
                int contentLength = contentLength(head);
                while ((contentLength < 0 || error.size() < contentLength) && channel.read(more) > 0) {
                    error.write(more.array(), 0, more.position());
                    more.clear();
                }
                channel.close();
                throw new DaemonError(status, EngineFailures.messageOf(error.toString(StandardCharsets.UTF_8)), null);
            }
            ByteBuffer leftover = ByteBuffer.allocate(rest.remaining());
            leftover.put(rest).flip();
            return new HijackedStream(channel, tty, leftover);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Bytes for the program's stdin from outside the input stream: a terminal's answer to a query.
     * Writes are serialised with the writer's, so neither cuts into the other.
     */
    public void send(byte[] bytes) {
        synchronized (writeLock) {
            try {
                writeFully(channel, ByteBuffer.wrap(bytes));
            } catch (IOException ignored) {
                // the program is gone
            }
        }
    }

    private final Object writeLock = new Object();

    /**
     * Copies {@code stdin} to the program and then half-closes (a background thread), and hands the
     * program's output to {@code output} as frames (another thread). When and how the input is typed
     * is the input stream's business: this only moves bytes.
     */
    public void start(InputStream stdin, ResultCallback<Frame> output) {
        Thread writer = new Thread(() -> {
            try (stdin) {
                byte[] buffer = new byte[4096];
                int read;
                while ((read = stdin.read(buffer)) >= 0) {
                    synchronized (writeLock) {
                        writeFully(channel, ByteBuffer.wrap(buffer, 0, read));
                    }
                }
                channel.shutdownOutput();
            } catch (IOException ignored) {
                // the program ended before reading all of its input: nothing more to give it
            }
        }, "hijack-stdin");
        this.writer = writer;
        writer.setDaemon(true);
        writer.start();
        Thread reader = new Thread(() -> {
            try {
                pumpOutput(output);
            } catch (IOException e) {
                // the connection closed: the output is over either way
            } finally {
                output.onComplete();
                done.countDown();
            }
        }, "hijack-output");
        reader.setDaemon(true);
        reader.start();
    }

    public boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    private void pumpOutput(ResultCallback<Frame> pump) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32 * 1024);
        buffer.put(leftover);
        leftover = null;
        while (true) {
            buffer.flip();
            if (tty) {
                if (buffer.hasRemaining()) {
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    pump.onNext(new Frame(StreamType.RAW, chunk));
                }
            } else if (!demultiplex(buffer, pump)) {
                return;
            }
            buffer.compact();
            if (channel.read(buffer) < 0) {
                return;
            }
        }
    }

    /** What is left of the frame being read (its payload is passed on as it arrives). */
    private long frameLeft;
    private StreamType frameType = StreamType.STDOUT;

    /**
     * Frames as the CLI's stdcopy reads them: 1 byte stream, 3 zero bytes, 4 bytes big-endian length,
     * then the payload, passed on in pieces as it arrives (a frame that announces 4 GiB is never held
     * whole). A header that names no output stream ends the output: it reaches {@code pump} as a raw
     * frame of the header's bytes, which a multiplexed reader reports as the CLI's "Unrecognized input
     * header". False when the output must end.
     */
    private boolean demultiplex(ByteBuffer buffer, ResultCallback<Frame> pump) {
        while (buffer.hasRemaining()) {
            if (frameLeft == 0) {
                if (buffer.remaining() < 8) {
                    return true;
                }
                int start = buffer.position();
                int type = buffer.get(start) & 0xff;
                if (type > 2) {
                    byte[] header = new byte[8];
                    buffer.get(header);
                    pump.onNext(new Frame(StreamType.RAW, header));
                    return false;
                }
                frameType = type == 2 ? StreamType.STDERR : StreamType.STDOUT;
                frameLeft = buffer.getInt(start + 4) & 0xffffffffL;
                buffer.position(start + 8);
                continue;
            }
            int n = (int) Math.min(frameLeft, buffer.remaining());
            byte[] payload = new byte[n];
            buffer.get(payload);
            frameLeft -= n;
            pump.onNext(new Frame(frameType, payload));
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        Thread input = writer;
        if (input != null) {
            input.interrupt(); // a writer waiting for the user's next line stops waiting
        }
        channel.close();
    }

    private static Wire connect(EngineEndpoint endpoint, SSLContext tls) throws IOException {
        String host = endpoint.host();
        if (host.startsWith("unix://")) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(endpoint.socketPath()));
            return Wire.of(channel);
        }
        URI uri = URI.create(host);
        int port = uri.getPort() < 0 ? 2375 : uri.getPort();
        if (tls == null) {
            SocketChannel channel = SocketChannel.open();
            channel.socket().connect(new InetSocketAddress(uri.getHost(), port), SocketProbe.CONNECT_TIMEOUT_MS);
            return Wire.of(channel);
        }
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(uri.getHost(), port), SocketProbe.CONNECT_TIMEOUT_MS);
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, uri.getHost(), port, true);
        if (endpoint.tls() != null && endpoint.tls().verify()) {
            // The name check the HTTPS transport makes for every other call.
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
        }
        // A bounded handshake, then no limit: a program may stay silent for as long as it likes.
        socket.setSoTimeout(SocketProbe.CONNECT_TIMEOUT_MS);
        socket.startHandshake();
        socket.setSoTimeout(0);
        return Wire.of(socket);
    }

    /** A connection that can shut down its sending side and go on reading. */
    private interface Wire extends Closeable {
        int read(ByteBuffer buffer) throws IOException;

        int write(ByteBuffer buffer) throws IOException;

        void shutdownOutput() throws IOException;

        static Wire of(SocketChannel channel) {
            return new Wire() {
                @Override
                public int read(ByteBuffer buffer) throws IOException {
                    return channel.read(buffer);
                }

                @Override
                public int write(ByteBuffer buffer) throws IOException {
                    return channel.write(buffer);
                }

                @Override
                public void shutdownOutput() throws IOException {
                    channel.shutdownOutput();
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }

        static Wire of(SSLSocket socket) throws IOException {
            ReadableByteChannel in = Channels.newChannel(socket.getInputStream());
            WritableByteChannel out = Channels.newChannel(socket.getOutputStream());
            return new Wire() {
                @Override
                public int read(ByteBuffer buffer) throws IOException {
                    return in.read(buffer);
                }

                @Override
                public int write(ByteBuffer buffer) throws IOException {
                    int written = out.write(buffer);
                    socket.getOutputStream().flush();
                    return written;
                }

                @Override
                public void shutdownOutput() throws IOException {
                    // TLS 1.3 sends close_notify and keeps reading, which the engine reads as EOF.
                    socket.shutdownOutput();
                }

                @Override
                public void close() throws IOException {
                    socket.close();
                }
            };
        }
    }

    private static void writeFully(Wire channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Where an HTTP head read into {@code buffer} so far ends (the index of its blank line), or -1. */
    static int headerEnd(ByteBuffer buffer) {
        byte[] data = buffer.array();
        for (int i = 0; i + 3 < buffer.position(); i++) {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** An HTTP head's Content-Length, or -1 when it has none. */
    static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }
}
