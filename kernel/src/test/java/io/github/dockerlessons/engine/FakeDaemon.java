package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonPrimitive;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Docker Engine API answered from memory: docker-java's public transport interface, routed by
 * method and path to canned answers. A test says what the daemon answers ({@code on("GET",
 * "/containers/json", FakeDaemon.json(200, "[...]"))}, {@code *} standing for one path segment),
 * and afterwards what was asked ({@link #requests()}). The query string is not part of the match: a
 * handler that cares reads {@link Exchange#query}. A request no route answers gets the daemon's 404
 * "page not found", so a command that asks for something unexpected fails visibly.
 *
 * <p>Tests hand it to {@link EngineGateway#inMemory}, so the kernel's own gateway (its threads,
 * labels, answer bounds and translation of refusals) and docker-java's real client run over it;
 * {@code CommandRun} does so for a command line.
 *
 * <p>Paths arrive as the engine would see them (with or without an API version prefix, which is
 * dropped before matching), so the canned JSON is what a real daemon sends: copy it from the Engine
 * API reference or from {@code curl --unix-socket}.
 */
public final class FakeDaemon implements DockerHttpClient {
    private static final Pattern VERSION = Pattern.compile("^/v1\\.\\d+(?=/)");

    /** A request as the daemon saw it. */
    public record Exchange(String method, String path, String query, String body) {
        /** Whether the query has {@code name=value} (as docker-java writes it). */
        public boolean hasQuery(String nameValue) {
            for (String part : query.split("&")) {
                if (part.equals(nameValue)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A canned answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body) { }

    private record Route(String method, Pattern path, Function<Exchange, Answer> handler) { }

    private final List<Route> routes = new ArrayList<>();
    private final List<Exchange> requests = new ArrayList<>();

    /** Answers {@code method path} with {@code handler}; a later route for the same request wins. */
    public FakeDaemon on(String method, String path, Function<Exchange, Answer> handler) {
        String regex = Pattern.quote(path).replace("*", "\\E[^/]+\\Q");
        routes.add(0, new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** Answers {@code method path} with {@code answer} every time. */
    public FakeDaemon on(String method, String path, Answer answer) {
        return on(method, path, exchange -> answer);
    }

    public static Answer json(int status, String json) {
        return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /** The daemon's refusal: {@code {"message": ...}} with the status. */
    public static Answer error(int status, String message) {
        return json(status, "{\"message\":" + new JsonPrimitive(message) + "}");
    }

    public static Answer noContent() {
        return new Answer(204, Map.of(), new byte[0]);
    }

    /** A raw stream body (a multiplexed log, a tar). */
    public static Answer bytes(int status, String contentType, byte[] body) {
        return new Answer(status, Map.of("Content-Type", contentType), body);
    }

    /**
     * The archive API's answer (GET /containers/{id}/archive): the path's stat in the
     * X-Docker-Container-Path-Stat header ({@code mode} with Go's os.ModeDir bit for a folder) and
     * the tar.
     */
    public static Answer archive(String name, long size, long mode, byte[] tar) {
        String stat = "{\"name\":" + new JsonPrimitive(name) + ",\"size\":" + size + ",\"mode\":" + mode
                + ",\"mtime\":\"2024-12-06T01:55:00Z\",\"linkTarget\":\"\"}";
        return new Answer(200, Map.of("Content-Type", "application/x-tar", "X-Docker-Container-Path-Stat",
                Base64.getEncoder().encodeToString(stat.getBytes(StandardCharsets.UTF_8))), tar);
    }

    /** A tar holding one file, as the engine sends a copy, a save or an export. */
    public static byte[] tar(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            entry.setMode(0644);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The requests made so far, in order. */
    public synchronized List<Exchange> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Response execute(Request request) {
        String full = request.path();
        int q = full.indexOf('?');
        String path = VERSION.matcher(q < 0 ? full : full.substring(0, q)).replaceFirst("");
        String query = q < 0 ? "" : full.substring(q + 1);
        Exchange exchange = new Exchange(request.method(), path, query, bodyOf(request));
        synchronized (this) {
            requests.add(exchange);
        }
        Answer answer = error(404, "page not found");
        for (Route route : routes) {
            if (route.method().equals(request.method()) && route.path().matcher(path).matches()) {
                answer = route.handler().apply(exchange);
                break;
            }
        }
        return response(answer);
    }

    private static String bodyOf(Request request) {
        try {
            if (request.bodyBytes() != null) {
                return new String(request.bodyBytes(), StandardCharsets.UTF_8);
            }
            InputStream in = request.body();
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response response(Answer answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        InputStream body = new ByteArrayInputStream(answer.body());
        return new Response() {
            @Override
            public int getStatusCode() {
                return answer.status();
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return headers;
            }

            @Override
            public String getHeader(String name) {
                for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                    if (h.getKey().equalsIgnoreCase(name)) {
                        return h.getValue().get(0);
                    }
                }
                return null;
            }

            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public void close() {
        // nothing held
    }
}
