package io.github.dockerlessons.portforward;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The two engine questions the forwarder asks, over the engine's unix socket in plain HTTP/1.0 (so
 * the answer is neither chunked nor kept alive): the running containers, and the stream of
 * container events, one JSON object a line.
 */
final class EngineSocket {
    private final Path socket;

    EngineSocket(Path socket) {
        this.socket = socket;
    }

    /** GET {@code path}, the whole JSON answer. */
    JsonElement get(String path) throws IOException {
        try (SocketChannel channel = open(path); BufferedReader in = reader(channel)) {
            skipHeaders(in, path);
            StringBuilder body = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                body.append(buffer, 0, n);
            }
            return JsonParser.parseString(body.toString());
        }
    }

    /**
     * GET {@code path}; once the engine has answered, {@code opened} runs, then each line of the
     * answer goes to {@code line} until the engine ends it.
     */
    void follow(String path, Runnable opened, Consumer<String> line) throws IOException {
        try (SocketChannel channel = open(path); BufferedReader in = reader(channel)) {
            skipHeaders(in, path);
            opened.run();
            for (String text; (text = in.readLine()) != null; ) {
                if (!text.isBlank()) {
                    line.accept(text);
                }
            }
        }
    }

    private SocketChannel open(String path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = "GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static BufferedReader reader(SocketChannel channel) {
        return new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    private static void skipHeaders(BufferedReader in, String path) throws IOException {
        String status = in.readLine();
        if (status == null || !status.matches("HTTP/1\\.[01] 2\\d\\d.*")) {
            throw new IOException("GET " + path + ": " + status);
        }
        for (String header; (header = in.readLine()) != null && !header.isEmpty(); ) {
            // headers carry nothing the forwarder needs
        }
    }
}
