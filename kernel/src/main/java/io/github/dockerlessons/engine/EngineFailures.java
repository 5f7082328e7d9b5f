package io.github.dockerlessons.engine;

import com.github.dockerjava.api.exception.DockerException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.jna.LastErrorException;
import org.apache.hc.client5.http.ConnectTimeoutException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a call ended with, as the gateway reports it: the daemon's refusal in its own words, an
 * answer that is not the API's, no engine at all (only when no connection could be made), or a
 * connection that broke off.
 */
final class EngineFailures {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status (\\d+): (.*)$", Pattern.DOTALL);

    private final EngineConnections connections;

    EngineFailures(EngineConnections connections) {
        this.connections = connections;
    }

    /**
     * An answer that is not what the Docker API describes, as {@link EngineAnswerInvalid}: larger than
     * the kernel reads whole, or JSON that does not parse (in Go's words, from the answer's beginning),
     * or JSON of another shape; null when {@code cause} is no such problem.
     */
    static EngineAnswerInvalid invalidAnswer(Throwable cause, BoundedAnswerHttpClient.Answer answer) {
        boolean json = false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof EngineAnswerInvalid invalid) {
                return invalid;
            }
            if (t instanceof BoundedAnswerHttpClient.AnswerTooLarge tooLarge) {
                return tooLarge(tooLarge.request());
            }
            // Jackson's by name: an instanceof would load Jackson's classes in a kernel that only lists
            json |= t instanceof com.google.gson.JsonParseException
                    || t.getClass().getName().startsWith("com.fasterxml.jackson.");
        }
        if (!json) {
            return null;
        }
        String request = answer == null ? "?" : answer.request();
        String goWords = answer == null ? null : GoJsonSyntax.error(answer.head(), answer.length(), answer.whole());
        if (goWords != null) {
            return new EngineAnswerInvalid(goWords, "hint.engine.answer.json", request);
        }
        return new EngineAnswerInvalid(null, "hint.engine.answer.shape", request);
    }

    private static EngineAnswerInvalid tooLarge(String request) {
        return new EngineAnswerInvalid(null, "hint.engine.answer.too.large", request,
                BoundedAnswerHttpClient.MAX_ANSWER_BYTES / (1024 * 1024), BoundedAnswerHttpClient.MAX_ANSWER_OBJECTS);
    }

    /** The exceptions a call ended with, as this gateway reports them; what is left is returned to throw. */
    RuntimeException translate(Throwable cause) throws DaemonError, EngineUnreachable, InterruptedException {
        if (cause instanceof DaemonError daemon) {
            throw daemon;
        }
        if (cause instanceof EngineAnswerInvalid invalid) {
            return invalid;
        }
        if (cause instanceof EngineUnreachable unreachable) {
            throw unreachable;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof DockerException docker) {
            throw daemonError(docker);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        RuntimeException lost = unreachableOrLost(cause);
        if (lost != null) {
            return lost;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }

    /**
     * An I/O failure as the gateway reports it: {@link EngineUnreachable} (thrown) when no connection
     * could be made or TLS refused it, {@link EngineConnectionLost} (returned) when one broke off, null
     * when it was no I/O failure.
     */
    EngineConnectionLost unreachableOrLost(Throwable cause) throws EngineUnreachable {
        EngineConnections.Connection used = connections.last();
        // A handshake the engine refused is no connection at all; an SSL error mid-answer (OTHER) is a lost one.
        boolean refusedByTls = TlsFailure.of(cause).filter(f -> f.cause() != TlsFailure.Cause.OTHER).isPresent();
        if (isConnectFailure(cause) || refusedByTls) {
            throw connections.unreachable(used, cause);
        }
        if (!hasIoCause(cause)) {
            return null;
        }
        if (used != null && used.tls() != null) {
            // A refused client certificate shows only as a broken pipe here: ask the engine again.
            IOException tlsCause = TlsContextFactory.pingFailure(used.endpoint(), used.tls());
            if (tlsCause != null && TlsFailure.of(tlsCause).isPresent()) {
                throw connections.unreachable(used, tlsCause);
            }
        }
        return new EngineConnectionLost(used == null ? connections.host() : used.endpoint().host(), cause);
    }

    /** No connection could be made at all: the only case the CLI calls "Cannot connect". */
    static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof ConnectTimeoutException) {
                return true;
            }
            if (t instanceof LastErrorException last && isConnectErrno(last.getErrorCode())) {
                return true;
            }
            if (t instanceof NoSuchFileException) {
                return true;
            }
            // A unix socket's connect: the JDK reports errno in words, on no other call than connect.
            if (t instanceof SocketException && t.getMessage() != null
                    && CONNECT_ERRORS.contains(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CONNECT_ERRORS = Set.of("No such file or directory",
            "Connection refused", "Permission denied", "Socket operation on non-socket", "Not a directory");

    /** ENOENT, EACCES, ECONNREFUSED, ENOTSOCK from a unix socket's connect. */
    private static boolean isConnectErrno(int errno) {
        return errno == 2 || errno == 13 || errno == 111 || errno == 88;
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof LastErrorException) {
                return true;
            }
        }
        return false;
    }

    /** docker-java's "Status 404: {"message":"No such container: x"}" back to the daemon's words. */
    static DaemonError daemonError(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().trim();
        Matcher m = STATUS_PREFIX.matcher(text);
        if (m.matches()) {
            text = m.group(2).trim();
        }
        String message = messageOf(text);
        return message.isEmpty() ? DaemonError.withoutMessage(e.getHttpStatus(), null, e)
                : new DaemonError(e.getHttpStatus(), message, e);
    }

    static String messageOf(String body) {
        String trimmed = body.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonObject json = JsonParser.parseString(trimmed).getAsJsonObject();
                if (json.has("message")) {
                    return json.get("message").getAsString();
                }
            } catch (RuntimeException ignored) {
                // not JSON after all: the text itself is the message
            }
        }
        return trimmed;
    }
}
