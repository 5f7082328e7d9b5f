package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.engine.EngineDiscovery.Resolution;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.jna.LastErrorException;
import org.apache.hc.client5.http.ConnectTimeoutException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The one door to the Docker Engine. It connects lazily, on the first command, so a kernel starts
 * fast and keeps running without an engine; every call is translated into either a result, a
 * {@link DaemonError} carrying the daemon's own words, {@link EngineUnreachable} (only when no
 * connection could be made), {@link EngineConnectionLost} (a connection broke off), or
 * {@link EngineTimeout}.
 *
 * <p>Calls run on the gateway's own threads while the caller waits: a call blocked in the engine
 * (a stalled daemon, {@code stop -t 30}) can then be abandoned by the stop button at once, and a call
 * that should be quick can be given up after a time limit. An abandoned call finishes in the
 * background when the engine answers.
 *
 * <p>Most calls use docker-java's typed commands. A few go through its raw HTTP client instead,
 * where the typed model loses what users see: {@code inspect} prints the daemon's JSON as it came,
 * and {@code rmi} prints the daemon's list of untagged and deleted layers, which docker-java drops.
 * This package moves bytes: it knows no console and no renderer.
 *
 * <p>Which engine: {@link EngineDiscovery} answers before every call (it only looks at two file dates
 * when nothing changed), so {@code docker context use}, in a cell or in a terminal, switches the
 * kernel at once.
 */
public final class EngineGateway implements Engine {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status (\\d+): (.*)$", Pattern.DOTALL);

    private final EngineDiscovery discovery;
    private final SocketProbe probe;
    /** A daemon answered in memory (tests: the real gateway over a fake), or null for the endpoint's socket. */
    private final DockerHttpClient inMemory;
    /** What every object the notebook creates is labelled with (empty: nothing). */
    private volatile Map<String, String> creationLabels = Map.of();
    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "engine-call");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Connection connection;
    /** Connections to engines the kernel no longer uses; a stream may still be reading one. */
    private final List<Connection> retired = new ArrayList<>();
    /**
     * Retired connections kept open: each holds a client and its connection pool, so a session that
     * switches contexts again and again would otherwise keep them all (issue 19). Beyond this many the
     * oldest is closed; a stream still reading from it then ends.
     */
    static final int RETIRED_KEPT = 4;

    private record Connection(Resolution resolution, EngineEndpoint endpoint, SSLContext tls, DockerClient client,
                              DockerHttpClient http) { }

    public EngineGateway(EngineDiscovery discovery) {
        this(discovery, SocketProbe.system());
    }

    /** With the probe that decides which sockets answer (tests confine it to a fake home). */
    public EngineGateway(EngineDiscovery discovery, SocketProbe probe) {
        this(discovery, probe, null);
    }

    private EngineGateway(EngineDiscovery discovery, SocketProbe probe, DockerHttpClient inMemory) {
        this.discovery = discovery;
        this.probe = probe;
        this.inMemory = inMemory;
    }

    /**
     * A gateway whose requests go to {@code daemon} instead of a socket, through all of this class's
     * own code (threads, labels, answer bounds, translation of refusals): commands are tested with no
     * engine (issue 22). No socket is opened, so attach uses docker-java's stream, as over TLS.
     */
    public static EngineGateway inMemory(EngineDiscovery discovery, DockerHttpClient daemon) {
        return new EngineGateway(discovery, SocketProbe.system(), daemon);
    }

    @Override
    public EngineDiscovery discovery() {
        return discovery;
    }

    /** The endpoint the next call goes to: its host, its context name and where it came from. */
    @Override
    public EngineEndpoint endpoint() throws EngineUnreachable {
        return connection().endpoint();
    }

    /** The host the next call goes to, for messages and links; the failure's host when none can be used. */
    @Override
    public String host() {
        try {
            return endpoint().host();
        } catch (EngineUnreachable e) {
            return e.host();
        }
    }

    /** Labels put on every container, volume, network and built image created from now on. */
    @Override
    public void labelCreations(Map<String, String> labels) {
        this.creationLabels = Map.copyOf(labels);
    }

    /**
     * Runs {@code call} against the engine. It returns its result, or ends early: when
     * {@code cancellation} (may be null) is cancelled it throws InterruptedException and leaves the
     * call to finish in the background; after {@code limit} (null for none) it throws EngineTimeout.
     */
    @Override
    public <T> T call(Call<T> call, Cancellation cancellation, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        BoundedAnswerHttpClient.CallScope answers = new BoundedAnswerHttpClient.CallScope();
        Closeable abandon = () -> {
            result.cancel(false);
            answers.closeAll(); // a read blocked on the engine ends, rather than holding its thread
        };
        if (cancellation != null) {
            cancellation.register(abandon);
        }
        try {
            calls.execute(() -> BoundedAnswerHttpClient.within(answers, () -> {
                try {
                    result.complete(call.run(connection().client()));
                } catch (Throwable t) {
                    // described here, where the answer's beginning is known (this thread read it)
                    RuntimeException invalid = invalidAnswer(t, answers.last());
                    result.completeExceptionally(invalid != null ? invalid : t);
                }
            }));
            return limit == null ? result.get() : result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new InterruptedException("abandoned by the stop button");
        } catch (TimeoutException e) {
            throw new EngineTimeout("no answer within " + limit);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } finally {
            if (cancellation != null) {
                cancellation.unregister(abandon);
            }
        }
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
            json |= t instanceof com.fasterxml.jackson.core.JsonProcessingException
                    || t instanceof com.google.gson.JsonParseException;
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
    private RuntimeException translate(Throwable cause) throws DaemonError, EngineUnreachable, InterruptedException {
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
    private EngineConnectionLost unreachableOrLost(Throwable cause) throws EngineUnreachable {
        Connection used = connection;
        // A handshake the engine refused is no connection at all; an SSL error mid-answer (OTHER) is a lost one.
        boolean refusedByTls = TlsFailure.of(cause).filter(f -> f.cause() != TlsFailure.Cause.OTHER).isPresent();
        if (isConnectFailure(cause) || refusedByTls) {
            throw unreachable(used, cause);
        }
        if (!hasIoCause(cause)) {
            return null;
        }
        if (used != null && used.tls() != null) {
            // A refused client certificate shows only as a broken pipe here: ask the engine again.
            IOException tlsCause = TlsContextFactory.pingFailure(used.endpoint(), used.tls());
            if (tlsCause != null && TlsFailure.of(tlsCause).isPresent()) {
                throw unreachable(used, tlsCause);
            }
        }
        return new EngineConnectionLost(used == null ? host() : used.endpoint().host(), cause);
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

    /** A raw API request whose answer is JSON, for the few places the typed model loses detail. */
    @Override
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path)
            throws DaemonError, EngineUnreachable {
        return parsed(method + " " + path, request(method, path));
    }

    /** The raw text of a JSON answer, kept byte for byte (inspect prints it re-indented, not rewritten). */
    @Override
    public String requestText(String path) throws DaemonError, EngineUnreachable {
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
    @Override
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path, JsonElement body)
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
    @Override
    public <T> T exchange(DockerHttpClient.Request.Method method, String path, Map<String, String> headers,
                          InputStream body, BodyReader<T> reader) throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request.Builder builder = DockerHttpClient.Request.builder().method(method).path(path)
                .headers(headers);
        if (body != null) {
            builder.body(body);
        }
        return execute(builder.build(), reader);
    }

    private <T> T execute(DockerHttpClient.Request request, BodyReader<T> reader) throws DaemonError, EngineUnreachable {
        try (DockerHttpClient.Response response = connection().http().execute(request);
             InputStream in = response.getBody()) {
            if (response.getStatusCode() >= 400) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                throw new DaemonError(response.getStatusCode(), messageOf(text), null);
            }
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            EngineAnswerInvalid invalid = invalidAnswer(e, null);
            if (invalid != null && !(e instanceof DockerException)) {
                throw invalid;
            }
            RuntimeException lost = unreachableOrLost(e);
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
     * Opens an upgraded attach or exec stream that can deliver EOF on stdin, or returns null when this
     * engine is reached over TLS (then docker-java's attach is used, without EOF).
     */
    @Override
    public HijackedStream hijack(String path, String jsonBody, boolean tty) throws DaemonError, EngineUnreachable {
        Connection current = connection();
        if (inMemory != null || !HijackedStream.supports(current.endpoint())) {
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
     * JSON with name, size, mode and linkTarget; null when the path does not exist. The transport has
     * no HEAD, so this is the GET the CLI would make for a copy, closed after its headers: the body is
     * not read.
     */
    @Override
    public JsonObject pathStat(String container, String path) throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + Engine.encode(container) + "/archive?path=" + Engine.encode(path))
                .build();
        try (DockerHttpClient.Response response = connection().http().execute(request)) {
            String header = response.getHeader("X-Docker-Container-Path-Stat");
            if (response.getStatusCode() == 404) {
                // 404 is a missing path, or (saying so) a missing container.
                String message;
                try (InputStream in = response.getBody()) {
                    message = messageOf(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (header == null && message.startsWith("No such container")) {
                    throw new DaemonError(404, message, null);
                }
                return null;
            }
            if (response.getStatusCode() >= 400) {
                try (InputStream in = response.getBody()) {
                    throw new DaemonError(response.getStatusCode(), messageOf(in == null ? ""
                            : new String(in.readAllBytes(), StandardCharsets.UTF_8)), null);
                }
            }
            if (header == null) {
                return null;
            }
            return JsonParser.parseString(new String(Base64.getDecoder().decode(header),
                    StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (DockerException e) {
            throw daemonError(e);
        } catch (IOException | RuntimeException e) {
            RuntimeException lost = unreachableOrLost(e);
            if (lost != null) {
                throw lost;
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /**
     * Builds the engine client now, without contacting the engine: the first command then does not
     * pay for loading the client's classes (seconds on a busy machine). A configuration that names no
     * usable engine is reported by the first command instead.
     */
    @Override
    public void prepare() {
        try {
            connection();
        } catch (EngineUnreachable e) {
            // the first command says so, with every place tried
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
        DockerHttpClient wire = inMemory != null ? inMemory : new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(ssl != null ? config.getSSLConfig() : endpoint.isTcp() ? null : NoTls.CONFIG)
                .maxConnections(64)
                .connectionTimeout(Duration.ofMillis(SocketProbe.CONNECT_TIMEOUT_MS))
                .build();
        DockerHttpClient http = new LabellingHttpClient(new PathEscapingHttpClient(new BoundedAnswerHttpClient(wire)),
                () -> creationLabels);
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
                    retire(failed);
                }
            }
        }
        return new EngineUnreachable(ConnectionDiagnosis.of(failed.resolution(), failed.endpoint(), e, probe,
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
        calls.shutdownNow();
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
