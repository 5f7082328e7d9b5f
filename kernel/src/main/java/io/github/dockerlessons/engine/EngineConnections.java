package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import io.github.dockerlessons.engine.EngineDiscovery.Resolution;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Which engine the gateway talks to, and its client: the connection the configuration names now
 * (a new one when {@code docker context use} changed it), the ones it replaced (a stream may still
 * read them), and the failure with every place tried when none can be made.
 */
final class EngineConnections {
    /**
     * Retired connections kept open: each holds a client and its connection pool, so a session that
     * switches contexts again and again would otherwise keep them all (issue 19). Beyond this many the
     * oldest is closed; a stream still reading from it then ends.
     */
    static final int RETIRED_KEPT = 4;

    private final EngineDiscovery discovery;
    private final SocketProbe probe;
    /** The HTTP transport for an endpoint's configuration: Apache's, or a test's in-memory one. */
    private final Function<DockerClientConfig, DockerHttpClient> transport;
    private final Supplier<Map<String, String>> creationLabels;
    private volatile Connection connection;
    /** Connections to engines the kernel no longer uses; a stream may still be reading one. */
    private final List<Connection> retired = new ArrayList<>();

    record Connection(Resolution resolution, EngineEndpoint endpoint, SSLContext tls, DockerClient client,
                      DockerHttpClient http) { }

    EngineConnections(EngineDiscovery discovery, SocketProbe probe,
                      Function<DockerClientConfig, DockerHttpClient> transport,
                      Supplier<Map<String, String>> creationLabels) {
        this.discovery = discovery;
        this.probe = probe;
        this.transport = transport;
        this.creationLabels = creationLabels;
    }

    /** The engine's own HTTP client for an endpoint (no response timeout: attaches and logs -f are long). */
    static DockerHttpClient apache(DockerClientConfig config) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(sslFor(config))
                .maxConnections(64)
                .connectionTimeout(Duration.ofMillis(SocketProbe.CONNECT_TIMEOUT_MS))
                .build();
    }

    /**
     * A unix socket gets a TLS context that is never set up: Apache's default one would parse the JDK's
     * whole certificate store (megabytes held idle) for a socket that never uses TLS. A plain tcp://
     * engine gets none at all, since docker-java speaks https to tcp whenever an SSL setting is given.
     */
    private static SSLConfig sslFor(DockerClientConfig config) {
        if (config.getSSLConfig() != null) {
            return config.getSSLConfig();
        }
        return "tcp".equals(config.getDockerHost().getScheme()) ? null : NoTls.CONFIG;
    }

    EngineDiscovery discovery() {
        return discovery;
    }

    /** The connection last used, without asking the configuration again (null: none, or let go). */
    Connection last() {
        return connection;
    }

    /** The host the next call goes to, for messages and links; the failure's host when none can be used. */
    String host() {
        try {
            return current().endpoint().host();
        } catch (EngineUnreachable e) {
            return e.host();
        }
    }

    /** The connection to the engine the configuration names now; a new one when that changed. */
    Connection current() throws EngineUnreachable {
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
                    retire(current);
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
        int port = endpoint.isTcp() ? java.net.URI.create(endpoint.host()).getPort() : -1;
        if (port > 65535) {
            // The CLI takes the address and fails when it dials; Apache's builder would throw instead.
            IOException invalid = new IOException("dial tcp: address " + port + ": invalid port");
            throw new EngineUnreachable(ConnectionDiagnosis.of(resolution, endpoint, invalid, probe,
                    discovery.machine().os()), invalid);
        }
        SSLContext tls = null;
        if (endpoint.tls() != null) {
            try {
                tls = TlsContextFactory.create(endpoint.tls());
            } catch (ContextError e) {
                throw new EngineUnreachable(ConnectionDiagnosis.unresolved(e, endpoint.contextName()), e);
            }
            IOException failure = TlsContextFactory.pingFailure(endpoint, tls);
            if (failure != null) {
                throw new EngineUnreachable(ConnectionDiagnosis.of(resolution, endpoint, failure, probe,
                        discovery.machine().os()), failure);
            }
        }
        SSLContext ssl = tls;
        // The builder, not createDefaultConfigBuilder(): docker-java would read DOCKER_* and the current
        // context again by its own rules; the endpoint already says everything. The config folder stays,
        // for registry credentials. TLS is always the custom context TlsContextFactory made, never
        // withDockerTlsVerify(true): docker-java's own reading of the PEM files (LocalDirectorySSLConfig,
        // CertificateUtils) needs Bouncy Castle, which the build leaves out (pom.xml).
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host())
                .withDockerContext(DockerContext.DEFAULT_NAME)
                .withDockerConfig(discovery.machine().dockerConfigDir().toString())
                .withDockerTlsVerify(false)
                .withCustomSslConfig(ssl == null ? null : () -> ssl);
        DockerClientConfig config;
        try {
            config = builder.build();
        } catch (DockerClientException e) {
            // build() parses config.json and throws on one that is not JSON, so no command reached the engine
            // ("could not finish this command"); the CLI warns and goes on without it, so without credentials.
            // The file itself as the folder: no config.json is under it (null is not taken).
            config = builder.withDockerConfig(discovery.machine().dockerConfigDir().resolve("config.json").toString())
                    .build();
        }
        // api.version stays unset: unversioned paths work on old engines and on Engine 29, which
        // refuses old versions. No response timeout, or long attaches and logs -f would be cut.
        DockerHttpClient http = new LabellingHttpClient(new PathEscapingHttpClient(new BoundedAnswerHttpClient(
                transport.apply(config))), creationLabels);
        return new Connection(resolution, endpoint, tls, DockerClientImpl.getInstance(config, http), http);
    }

    /** How many retired connections are open (for tests). */
    synchronized int retiredCount() {
        return retired.size();
    }

    /** Keeps {@code old} open for the streams that may still read it, closing the oldest beyond the few kept. */
    private synchronized void retire(Connection old) {
        retired.add(old);
        while (retired.size() > RETIRED_KEPT) {
            Connection oldest = retired.remove(0);
            try {
                oldest.client().close();
            } catch (IOException | RuntimeException ignored) {
                // closed is closed
            }
        }
    }

    /**
     * The failure, with every place tried. When the kernel chose among several sockets, it chooses
     * again on the next call: the engine that answers may be another one by then.
     */
    EngineUnreachable unreachable(Connection failed, Throwable e) {
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
                    retire(failed);
                }
            }
        }
        return new EngineUnreachable(ConnectionDiagnosis.of(failed.resolution(), failed.endpoint(), e, probe,
                discovery.machine().os()), e);
    }

    synchronized void close() throws IOException {
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
