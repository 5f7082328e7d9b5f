package io.github.dockerlessons.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether something accepts a connection at an endpoint, and if not, why, in the words Go's net package
 * uses (the docker CLI's words): "no such file or directory", "permission denied", "connection
 * refused", "i/o timeout", "no such host". It only connects; it never speaks HTTP or TLS.
 */
@FunctionalInterface
public interface SocketProbe {
    /** Connects within this long, so a failing cell always answers within 2 seconds. */
    int CONNECT_TIMEOUT_MS = 1500;

    Result probe(EngineEndpoint endpoint);

    /** answers: something accepted the connection; otherwise reason says why not. */
    record Result(boolean answers, String reason) {
        static Result ok() {
            return new Result(true, "");
        }

        static Result failed(String reason) {
            return new Result(false, reason);
        }
    }

    /** Real sockets on this machine. */
    static SocketProbe system() {
        return SocketProbe::probeNow;
    }

    private static Result probeNow(EngineEndpoint endpoint) {
        String host = endpoint.host();
        if (host.startsWith("unix://")) {
            Path path = endpoint.socketPath();
            if (!Files.exists(path)) {
                return Result.failed("no such file or directory");
            }
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                return Result.ok();
            } catch (IOException e) {
                return Result.failed(reason(e));
            }
        }
        if (host.startsWith("tcp://")) {
            URI uri = URI.create(host);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
                return Result.ok();
            } catch (IOException e) {
                return Result.failed(reason(e));
            }
        }
        return Result.failed("the kernel cannot open " + host.substring(0, Math.max(0, host.indexOf("://"))) + ":// here");
    }

    /** A connection failure in Go's words. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "no such host";
            }
            if (t instanceof SocketTimeoutException) {
                return "i/o timeout";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no such file")) {
                return "no such file or directory";
            }
            if (message.contains("permission denied") || message.contains("access denied")) {
                return "permission denied";
            }
            if (message.contains("connection refused") || t instanceof ConnectException) {
                return "connection refused";
            }
            if (message.contains("timed out")) {
                return "i/o timeout";
            }
        }
        return failure.getMessage() == null ? "connection failed" : failure.getMessage();
    }
}
