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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Which engine the gateway talks to, and its client: the connection the configuration names now
 * (a new one when {@code docker context use} changed it), the ones it replaced (a stream may still
 * read them), and the failure with every place tried when none can be made.
 */
final class EngineConnections {
    /**
     * Retired connections kept open: each holds a transport and its connection pool, so a session that
     * switches contexts again and again would otherwise keep them all (issue 19). Beyond this many the
     * oldest is closed; a stream still reading from it then ends.
     */
    static final int RETIRED_KEPT = 4;

    private final EngineDiscovery discovery;
    private final SocketProbe probe;
    /** The HTTP transport to an endpoint: Apache's, or a test's in-memory one. */
    private final Transport transport;
    private final Supplier<Map<String, String>> creationLabels;
    private volatile Connection connection;
    /** Connections to engines the kernel no longer uses; a stream may still be reading one. */
    private final List<Connection> retired = new ArrayList<>();

    /** Opens the HTTP transport to an engine's address, with its TLS setting (null: plain tcp). */
    @FunctionalInterface
    interface Transport {
        DockerHttpClient open(URI host, SSLConfig ssl);
    }

    /**
     * One engine's connection: its HTTP transport, over which raw requests go at once, and docker-java's
     * typed client over that same transport, made on its first use. The typed client needs docker-java's
     * configuration, whose building starts Jackson (it reads config.json with it, and the client maps
     * every answer with it): about 950 classes (Jackson, docker-java's model, Guava) that a kernel
     * whose cells only list containers and images never needs (issue 22: idle memory).
     */
    static final class Connection {
        private final Resolution resolution;
        private final EngineEndpoint endpoint;
        private final SSLContext tls;
        private final DockerHttpClient http;
        private final Supplier<DockerClientConfig> configuration;
        private volatile DockerClient client;

        Connection(Resolution resolution, EngineEndpoint endpoint, SSLContext tls, DockerHttpClient http,
                   Supplier<DockerClientConfig> configuration) {
            this.resolution = resolution;
            this.endpoint = endpoint;
            this.tls = tls;
            this.http = http;
            this.configuration = configuration;
        }

        Resolution resolution() {
            return resolution;
        }

        EngineEndpoint endpoint() {
            return endpoint;
        }

        SSLContext tls() {
            return tls;
        }

        DockerHttpClient http() {
            return http;
        }

        /** docker-java's typed client over this connection's transport, made on first use. */
        DockerClient client() {
            DockerClient made = client;
            if (made == null) {
                synchronized (this) {
                    made = client;
                    if (made == null) {
                        made = DockerClientImpl.getInstance(configuration.get(), http);
                        client = made;
                    }
                }
            }
            return made;
        }

        /** Closes the transport, and with it the typed client's requests (the client holds nothing else). */
        void close() throws IOException {
            http.close();
        }
    }

    EngineConnections(EngineDiscovery discovery, SocketProbe probe, Transport transport,
                      Supplier<Map<String, String>> creationLabels) {
        this.discovery = discovery;
        this.probe = probe;
        this.transport = transport;
        this.creationLabels = creationLabels;
    }

    /** The engine's own HTTP client for an endpoint (no response timeout: attaches and logs -f are long). */
    static DockerHttpClient apache(URI host, SSLConfig ssl) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(ssl)
                .maxConnections(64)
                .connectionTimeout(Duration.ofMillis(SocketProbe.CONNECT_TIMEOUT_MS))
                .build();
    }

    /**
     * A unix socket gets a TLS context that is never set up: Apache's default one would parse the JDK's
     * whole certificate store (megabytes held idle) for a socket that never uses TLS. A plain tcp://
     * engine gets none at all, since docker-java speaks https to tcp whenever an SSL setting is given.
     */
    private static SSLConfig sslFor(URI host, SSLContext tls) {
        if (tls != null) {
            return () -> tls;
        }
        return "tcp".equals(host.getScheme()) ? null : NoTls.CONFIG;
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
        int port = endpoint.isTcp() ? URI.create(endpoint.host()).getPort() : -1;
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
        URI host = URI.create(endpoint.host());
        // api.version stays unset: unversioned paths work on old engines and on Engine 29, which
        // refuses old versions. No response timeout, or long attaches and logs -f would be cut.
        DockerHttpClient http = new LabellingHttpClient(new PathEscapingHttpClient(new BoundedAnswerHttpClient(
                transport.open(host, sslFor(host, tls)))), creationLabels);
        SSLContext ssl = tls;
        return new Connection(resolution, endpoint, tls, http, () -> configuration(endpoint, ssl));
    }

    /**
     * docker-java's configuration of an endpoint, for its typed client. The builder, not
     * createDefaultConfigBuilder(): docker-java would read DOCKER_* and the current context again by its
     * own rules; the endpoint already says everything. The config folder stays, for registry
     * credentials. TLS is always the custom context TlsContextFactory made, never
     * withDockerTlsVerify(true): docker-java's own reading of the PEM files (LocalDirectorySSLConfig,
     * CertificateUtils) needs Bouncy Castle, which the build leaves out (pom.xml).
     */
    private DockerClientConfig configuration(EngineEndpoint endpoint, SSLContext ssl) {
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host())
                .withDockerContext(DockerContext.DEFAULT_NAME)
                .withDockerConfig(discovery.machine().dockerConfigDir().toString())
                .withDockerTlsVerify(false)
                .withCustomSslConfig(ssl == null ? null : () -> ssl);
        try {
            return builder.build();
        } catch (DockerClientException e) {
            // build() parses config.json and throws on one that is not JSON; the CLI warns and goes on
            // without it, so without credentials. The file itself as the folder: no config.json is under
            // it (null is not taken).
            return builder.withDockerConfig(discovery.machine().dockerConfigDir().resolve("config.json").toString())
                    .build();
        }
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
                oldest.close();
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
            old.close();
        }
        retired.clear();
    }
}
