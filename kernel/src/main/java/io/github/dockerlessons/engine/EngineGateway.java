package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import io.github.dockerlessons.engine.EngineDiscovery.Resolution;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
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
 *
 * <p>Which engine: {@link EngineDiscovery} answers before every call (it only looks at two file dates
 * when nothing changed), so {@code docker context use}, in a cell or in a terminal, switches the
 * kernel at once.
 */
public final class EngineGateway implements AutoCloseable {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status (\\d+): (.*)$", Pattern.DOTALL);

    private final EngineDiscovery discovery;
    private final SocketProbe probe;
    private volatile Connection connection;
    /** Connections to engines the kernel no longer uses; a stream may still be reading one. */
    private final List<Connection> retired = new ArrayList<>();

    /** A call against docker-java's client. */
    @FunctionalInterface
    public interface Call<T> {
        T run(DockerClient client) throws Exception;
    }

    private record Connection(Resolution resolution, EngineEndpoint endpoint, SSLContext tls, DockerClient client,
                              DockerHttpClient http) { }

    public EngineGateway(EngineDiscovery discovery) {
        this(discovery, SocketProbe.system());
    }

    /** With the probe that decides which sockets answer (tests confine it to a fake home). */
    public EngineGateway(EngineDiscovery discovery, SocketProbe probe) {
        this.discovery = discovery;
        this.probe = probe;
    }

    public EngineDiscovery discovery() {
        return discovery;
    }

    /** The endpoint the next call goes to: its host, its context name and where it came from. */
    public EngineEndpoint endpoint() throws EngineUnreachable {
        return connection().endpoint();
    }

    public <T> T call(Call<T> call) throws DaemonError, EngineUnreachable, InterruptedException {
        try {
            return call.run(connection().client());
        } catch (DockerException e) {
            throw daemonError(e);
        } catch (InterruptedException | EngineUnreachable e) {
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
        Connection current = connection();
        if (!HijackedStream.supports(current.endpoint())) {
            return null;
        }
        try {
            return HijackedStream.open(current.endpoint(), current.tls(), path, jsonBody, tty);
        } catch (IOException e) {
            throw unreachable(current, e);
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

    /** The connection to the engine the configuration names now; a new one when that changed. */
    private Connection connection() throws EngineUnreachable {
        Resolution resolution;
        try {
            resolution = discovery.resolve();
        } catch (ContextError e) {
            throw new EngineUnreachable(ConnectionDiagnosis.unresolved(e, discovery.currentContextName()), e);
        }
        Connection current = connection;
        if (current != null && current.resolution().equals(resolution)) {
            return current;
        }
        synchronized (this) {
            current = connection;
            if (current == null || !current.resolution().equals(resolution)) {
                Connection fresh = connect(resolution);
                if (current != null) {
                    retired.add(current);
                }
                connection = fresh;
                current = fresh;
            }
        }
        return current;
    }

    private Connection connect(Resolution resolution) throws EngineUnreachable {
        EngineEndpoint endpoint = discovery.choose(resolution, probe);
        boolean pipe = endpoint.host().startsWith("npipe://")
                && discovery.machine().os() == LocalMachine.OperatingSystem.WINDOWS;
        if (!endpoint.host().startsWith("unix://") && !endpoint.isTcp() && !pipe) {
            throw new EngineUnreachable(ConnectionDiagnosis.unsupported(endpoint), null);
        }
        SSLContext tls = null;
        if (endpoint.tls() != null) {
            try {
                tls = TlsContextFactory.create(endpoint.tls());
            } catch (ContextError e) {
                throw new EngineUnreachable(ConnectionDiagnosis.unresolved(e, endpoint.contextName()), e);
            }
        }
        if (tls != null) {
            IOException failure = TlsContextFactory.pingFailure(endpoint, tls);
            if (failure != null) {
                throw new EngineUnreachable(ConnectionDiagnosis.of(resolution, endpoint, failure, probe,
                        discovery.machine().os()), failure);
            }
        }
        SSLContext ssl = tls;
        // The builder, not createDefaultConfigBuilder(): docker-java would read DOCKER_* and the current
        // context again by its own rules; the endpoint already says everything. The config folder stays,
        // for registry credentials.
        DockerClientConfig config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host())
                .withDockerContext(DockerContext.DEFAULT_NAME)
                .withDockerConfig(discovery.machine().dockerConfigDir().toString())
                .withDockerTlsVerify(false)
                .withCustomSslConfig(ssl == null ? null : () -> ssl)
                .build();
        // api.version stays unset: unversioned paths work on old engines and on Engine 29, which
        // refuses old versions. No response timeout, or long attaches and logs -f would be cut.
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofMillis(SocketProbe.CONNECT_TIMEOUT_MS))
                .build();
        return new Connection(resolution, endpoint, tls, DockerClientImpl.getInstance(config, http), http);
    }

    private EngineUnreachable unreachableOrRethrow(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DockerException docker) {
                throw docker;
            }
            if (t instanceof IOException || t.getClass().getName().endsWith("LastErrorException")) {
                return unreachable(connection, e);
            }
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(e);
    }

    /**
     * The failure, with every place tried. When the kernel chose among several sockets, it chooses
     * again on the next call: the engine that answers may be another one by then.
     */
    private EngineUnreachable unreachable(Connection failed, Throwable e) {
        if (failed == null) {
            // Another thread already let that connection go: describe the places as they are now.
            try {
                Resolution now = discovery.resolve();
                return new EngineUnreachable(ConnectionDiagnosis.of(now, discovery.choose(now, probe), e, probe,
                        discovery.machine().os()), e);
            } catch (ContextError unresolved) {
                return new EngineUnreachable(ConnectionDiagnosis.unresolved(unresolved, discovery.currentContextName()), e);
            }
        }
        if (failed.resolution().searched()) {
            synchronized (this) {
                if (connection == failed) {
                    connection = null;
                    retired.add(failed);
                }
            }
        }
        Throwable cause = e;
        if (failed.tls() != null && !TlsFailure.of(e).isPresent()) {
            // A refused client certificate shows only as a broken pipe here: ask the engine again.
            Throwable tlsCause = TlsContextFactory.pingFailure(failed.endpoint(), failed.tls());
            if (tlsCause != null && TlsFailure.of(tlsCause).isPresent()) {
                cause = tlsCause;
            }
        }
        return new EngineUnreachable(ConnectionDiagnosis.of(failed.resolution(), failed.endpoint(), cause, probe,
                discovery.machine().os()), e);
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
            retired.add(connection);
            connection = null;
        }
        for (Connection old : retired) {
            old.client().close();
        }
        retired.clear();
    }
}
