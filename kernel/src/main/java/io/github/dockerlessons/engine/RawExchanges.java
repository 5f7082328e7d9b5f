package io.github.dockerlessons.engine;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The gateway's raw API requests: the listings (read into api/'s model, without Jackson), and the
 * places docker-java's typed model loses what users see: {@code inspect} prints the daemon's JSON as it came, {@code rmi} the daemon's list of untagged and
 * deleted layers, create and auth send fields the model lacks, load, import, save and export stream
 * tars, {@code cp} needs a path's stat. They run on the caller's thread; the gateway's calls bound them.
 */
final class RawExchanges {
    private final EngineConnections connections;
    private final EngineFailures failures;

    RawExchanges(EngineConnections connections, EngineFailures failures) {
        this.connections = connections;
        this.failures = failures;
    }

    /** A raw API request whose answer is JSON: a listing, or where the typed model loses detail. */
    JsonElement requestJson(DockerHttpClient.Request.Method method, String path)
            throws DaemonError, EngineUnreachable {
        return parsed(method + " " + path, request(method, path));
    }

    /** The raw text of a JSON answer, kept byte for byte (inspect prints it re-indented, not rewritten). */
    String requestText(String path) throws DaemonError, EngineUnreachable {
        String text = request(DockerHttpClient.Request.Method.GET, path);
        checkJson("GET " + path, text);
        return text;
    }

    /** An answer's JSON; one that is not JSON is said in Go's words, as the CLI's decoder says it. */
    private static JsonElement parsed(String request, String body) {
        if (body.isBlank()) {
            return JsonParser.parseString("null");
        }
        checkJson(request, body);
        try {
            return JsonParser.parseString(body);
        } catch (RuntimeException e) {
            throw new EngineAnswerInvalid(null, "hint.engine.answer.shape", request);
        }
    }

    private static void checkJson(String request, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String goWords = GoJsonSyntax.error(bytes, bytes.length, true);
        if (goWords != null) {
            throw new EngineAnswerInvalid(goWords, "hint.engine.answer.json", request);
        }
    }

    /**
     * A raw API request with a JSON body whose answer is JSON: container create and auth, where the
     * request carries fields docker-java's model does not have, exactly as the CLI sends them.
     */
    JsonElement requestJson(DockerHttpClient.Request.Method method, String path, JsonElement body)
            throws DaemonError, EngineUnreachable {
        // As bytes, not a stream: the session's labels are added to a create request's body on the way.
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(method).path(path)
                .headers(Map.of("Content-Type", "application/json"))
                .bodyBytes(body.toString().getBytes(StandardCharsets.UTF_8)).build();
        String answer = execute(request, in -> in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        return parsed(method + " " + path, answer);
    }

    /**
     * A raw API exchange that streams: {@code body} (may be null) is sent as it is read (a tar for
     * load and import), and a successful answer's body goes to {@code reader} as it arrives (a tar of
     * save and export, the JSON lines of load). A refusal is a {@link DaemonError} in the daemon's words.
     */
    <T> T exchange(DockerHttpClient.Request.Method method, String path, Map<String, String> headers,
                          InputStream body, Engine.BodyReader<T> reader) throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request.Builder builder = DockerHttpClient.Request.builder().method(method).path(path)
                .headers(headers);
        if (body != null) {
            builder.body(body);
        }
        return execute(builder.build(), reader);
    }

    private <T> T execute(DockerHttpClient.Request request, Engine.BodyReader<T> reader) throws DaemonError, EngineUnreachable {
        try (DockerHttpClient.Response response = connections.current().http().execute(request);
             InputStream in = response.getBody()) {
            if (response.getStatusCode() >= 400) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String message = EngineFailures.messageOf(text);
                throw message.isEmpty() ? DaemonError.withoutMessage(response.getStatusCode(), request.path(), null)
                        : new DaemonError(response.getStatusCode(), message, null);
            }
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            EngineAnswerInvalid invalid = EngineFailures.invalidAnswer(e, null);
            if (invalid != null && !(e instanceof DockerException)) {
                throw invalid;
            }
            RuntimeException lost = failures.unreachableOrLost(e);
            if (lost != null) {
                throw lost;
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private String request(DockerHttpClient.Request.Method method, String path) throws DaemonError, EngineUnreachable {
        return exchange(method, path, Map.of(), null,
                in -> in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * The engine's stat of a path in a container (the archive API's X-Docker-Container-Path-Stat), as
     * JSON with name, size, mode and linkTarget; null when the path does not exist. The transport has
     * no HEAD, so this is the GET the CLI would make for a copy, closed after its headers: the body is
     * not read.
     */
    JsonObject pathStat(String container, String path) throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + Engine.encode(container) + "/archive?path=" + Engine.encode(path))
                .build();
        try (DockerHttpClient.Response response = connections.current().http().execute(request)) {
            String header = response.getHeader("X-Docker-Container-Path-Stat");
            if (response.getStatusCode() == 404) {
                // 404 is a missing path, or (saying so) a missing container.
                String message;
                try (InputStream in = response.getBody()) {
                    message = EngineFailures.messageOf(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (header == null && message.startsWith("No such container")) {
                    throw new DaemonError(404, message, null);
                }
                return null;
            }
            if (response.getStatusCode() >= 400) {
                try (InputStream in = response.getBody()) {
                    throw new DaemonError(response.getStatusCode(), EngineFailures.messageOf(in == null ? ""
                            : new String(in.readAllBytes(), StandardCharsets.UTF_8)), null);
                }
            }
            if (header == null) {
                return null;
            }
            return JsonParser.parseString(new String(Base64.getDecoder().decode(header),
                    StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (DockerException e) {
            throw EngineFailures.daemonError(e);
        } catch (IOException | RuntimeException e) {
            RuntimeException lost = failures.unreachableOrLost(e);
            if (lost != null) {
                throw lost;
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
