package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one door to the Docker Engine. It connects lazily, on the first command, so a kernel starts
 * fast and keeps running without an engine; every call is translated into either a result, a
 * {@link DaemonError} carrying the daemon's own words, or {@link EngineUnreachable}.
 *
 * <p>Most calls use docker-java's typed commands. A few go through its raw HTTP client instead,
 * where the typed model loses what users see: {@code inspect} prints the daemon's JSON as it came,
 * and {@code rmi} prints the daemon's list of untagged and deleted layers, which docker-java drops.
 */
public final class EngineGateway implements AutoCloseable {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status (\\d+): (.*)$", Pattern.DOTALL);

    private final EngineLocation location;
    private volatile Connection connection;

    /** A call against docker-java's client. */
    @FunctionalInterface
    public interface Call<T> {
        T run(DockerClient client) throws Exception;
    }

    private record Connection(DockerClient client, DockerHttpClient http) { }

    public EngineGateway(EngineLocation location) {
        this.location = location;
    }

    public String host() {
        return location.host();
    }

    public <T> T call(Call<T> call) throws DaemonError, EngineUnreachable, InterruptedException {
        try {
            return call.run(connection().client());
        } catch (DockerException e) {
            throw daemonError(e);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw unreachableOrRethrow(e);
        }
    }

    /** A call whose result is nothing. */
    public void run(Call<?> call) throws DaemonError, EngineUnreachable, InterruptedException {
        call(call);
    }

    /** A raw API request whose answer is JSON, for the few places the typed model loses detail. */
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path)
            throws DaemonError, EngineUnreachable {
        String body = request(method, path);
        return body.isBlank() ? JsonParser.parseString("null") : JsonParser.parseString(body);
    }

    /** The raw text of a JSON answer, kept byte for byte (inspect prints it re-indented, not rewritten). */
    public String requestText(String path) throws DaemonError, EngineUnreachable {
        return request(DockerHttpClient.Request.Method.GET, path);
    }

    private String request(DockerHttpClient.Request.Method method, String path) throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(method).path(path).build();
        try (DockerHttpClient.Response response = connection().http().execute(request);
             InputStream in = response.getBody()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() >= 400) {
                throw new DaemonError(response.getStatusCode(), messageOf(body), null);
            }
            return body;
        } catch (IOException | RuntimeException e) {
            throw unreachableOrRethrow(e);
        }
    }

    /**
     * Opens an upgraded attach or exec stream that can deliver EOF on stdin, or returns null when this
     * engine is reached over TLS (then docker-java's attach is used, without EOF).
     */
    public HijackedStream hijack(String path, String jsonBody, boolean tty) throws DaemonError, EngineUnreachable {
        if (!HijackedStream.supports(location)) {
            return null;
        }
        try {
            return HijackedStream.open(location, path, jsonBody, tty);
        } catch (IOException e) {
            throw new EngineUnreachable(location.host(), e);
        }
    }

    /**
     * The engine's stat of a path in a container (the archive API's X-Docker-Container-Path-Stat), as
     * JSON with name, size and mode; null when the path does not exist. The transport has no HEAD, so
     * this is the GET the CLI would make for a copy, closed after its headers: the body is not read.
     */
    public JsonObject pathStat(String container, String path) throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + java.net.URLEncoder.encode(container, StandardCharsets.UTF_8) + "/archive?path="
                        + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8))
                .build();
        try (DockerHttpClient.Response response = connection().http().execute(request)) {
            if (response.getStatusCode() == 404) {
                String header = response.getHeader("X-Docker-Container-Path-Stat");
                if (header == null) {
                    // 404 without a stat: the container itself is missing
                    try {
                        connection().client().inspectContainerCmd(container).exec();
                    } catch (DockerException e) {
                        throw daemonError(e);
                    }
                }
                return null;
            }
            if (response.getStatusCode() >= 400) {
                throw new DaemonError(response.getStatusCode(), "path stat failed for " + path, null);
            }
            String header = response.getHeader("X-Docker-Container-Path-Stat");
            if (header == null) {
                return null;
            }
            return JsonParser.parseString(new String(java.util.Base64.getDecoder().decode(header),
                    StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (DockerException e) {
            throw daemonError(e);
        } catch (RuntimeException e) {
            throw unreachableOrRethrow(e);
        }
    }

    private Connection connection() {
        Connection current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = connect();
                    connection = current;
                }
            }
        }
        return current;
    }

    private Connection connect() {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(location.host())
                .withDockerTlsVerify(location.tlsVerify());
        if (location.tlsVerify()) {
            builder.withDockerCertPath(location.certPath());
        }
        // api.version stays unset: unversioned paths work on old engines and on Engine 29, which
        // refuses old versions. No response timeout, or long attaches and logs -f would be cut.
        DockerClientConfig config = builder.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(2))
                .build();
        return new Connection(DockerClientImpl.getInstance(config, http), http);
    }

    private EngineUnreachable unreachableOrRethrow(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DockerException docker) {
                throw docker;
            }
            if (t instanceof IOException || t.getClass().getName().endsWith("LastErrorException")) {
                return new EngineUnreachable(location.host(), e);
            }
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(e);
    }

    /** docker-java's "Status 404: {"message":"No such container: x"}" back to the daemon's words. */
    public static DaemonError daemonError(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().trim();
        Matcher m = STATUS_PREFIX.matcher(text);
        if (m.matches()) {
            text = m.group(2).trim();
        }
        return new DaemonError(e.getHttpStatus(), messageOf(text), e);
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

    @Override
    public synchronized void close() throws IOException {
        if (connection != null) {
            connection.client().close();
            connection = null;
        }
    }
}
