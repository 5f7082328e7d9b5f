package io.github.dockerlessons.engine;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one door to the Docker Engine. It connects lazily, on the first command, so a kernel starts
 * fast and keeps running without an engine; every call is translated into either a result, a
 * {@link DaemonError} carrying the daemon's own words, {@link EngineUnreachable} (only when no
 * connection could be made), {@link EngineConnectionLost} (a connection broke off), or
 * {@link EngineTimeout}.
 *
 * <p>A quick call (one with a time limit) to an engine behind a unix socket runs on the caller's own
 * thread ({@link InterruptibleCall}): the stop button and the time limit end it by closing its socket.
 * Every other call runs on the gateway's own threads while the caller waits: a call blocked in the
 * engine (a stalled daemon, {@code stop -t 30}) can then be abandoned by the stop button at once, and
 * a call that should be quick can be given up after a time limit; an abandoned call finishes in the
 * background when the engine answers. (A TCP or TLS socket does not end when its thread is
 * interrupted; a long call may write to the console, whose channels an interrupt would close.)
 *
 * <p>Most calls use docker-java's typed commands. Others go through its raw HTTP client instead: the
 * listings, read into the kernel's own model (api/) so that Jackson loads only with the first typed
 * call, and the places where the typed model loses what users see: {@code inspect} prints the
 * daemon's JSON as it came, and {@code rmi} prints the daemon's list of untagged and deleted layers,
 * which docker-java drops.
 * This package moves bytes: it knows no console and no renderer.
 *
 * <p>The gateway runs the calls; {@link EngineConnections} knows which engine and holds its client,
 * {@link EngineFailures} says what a failure was, {@link RawExchanges} sends the raw requests.
 *
 * <p>Which engine: {@link EngineDiscovery} answers before every call (it only looks at two file dates
 * when nothing changed), so {@code docker context use}, in a cell or in a terminal, switches the
 * kernel at once.
 */
public final class EngineGateway implements Engine {
    private final EngineConnections connections;
    private final EngineFailures failures;
    private final RawExchanges raw;
    /** Requests answered in memory (tests): no socket to hijack. */
    private final boolean inMemory;
    /** What every object the notebook creates is labelled with (empty: nothing). */
    private volatile Map<String, String> creationLabels = Map.of();
    private final CallDeadlines deadlines = new CallDeadlines();
    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "engine-call");
        thread.setDaemon(true);
        return thread;
    });

    public EngineGateway(EngineDiscovery discovery) {
        this(discovery, SocketProbe.system());
    }

    /** With the probe that decides which sockets answer (tests confine it to a fake home). */
    public EngineGateway(EngineDiscovery discovery, SocketProbe probe) {
        this(discovery, probe, EngineConnections::apache);
    }

    /**
     * A gateway whose requests go to {@code daemon} instead of a socket, through all of this class's
     * own code (threads, labels, answer bounds, translation of refusals): commands are tested with no
     * engine (issue 22). No socket is opened, so attach uses docker-java's stream, as over TLS.
     */
    public static EngineGateway inMemory(EngineDiscovery discovery, DockerHttpClient daemon) {
        return new EngineGateway(discovery, SocketProbe.system(), (host, ssl) -> daemon, true);
    }

    private EngineGateway(EngineDiscovery discovery, SocketProbe probe,
                          EngineConnections.Transport transport) {
        this(discovery, probe, transport, false);
    }

    private EngineGateway(EngineDiscovery discovery, SocketProbe probe,
                          EngineConnections.Transport transport, boolean inMemory) {
        this.inMemory = inMemory;
        this.connections = new EngineConnections(discovery, probe, transport, () -> creationLabels);
        this.failures = new EngineFailures(connections);
        this.raw = new RawExchanges(connections, failures);
    }

    @Override
    public EngineDiscovery discovery() {
        return connections.discovery();
    }

    /** The endpoint the next call goes to: its host, its context name and where it came from. */
    @Override
    public EngineEndpoint endpoint() throws EngineUnreachable {
        return connections.current().endpoint();
    }

    /** The host the next call goes to, for messages and links; the failure's host when none can be used. */
    @Override
    public String host() {
        return connections.host();
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
        return run(connection -> call.run(connection.client()), cancellation, limit);
    }

    /** Sends {@code request} as {@link #call} runs a typed call; docker-java's typed client is not made for it. */
    @Override
    public <T> T send(RawRequest<T> request, Cancellation cancellation, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        return run(connection -> request.send(this), cancellation, limit);
    }

    /** Work on the connection the call goes to: a typed call on its client, or a raw request. */
    @FunctionalInterface
    private interface Work<T> {
        T on(EngineConnections.Connection connection) throws Exception;
    }

    private <T> T run(Work<T> call, Cancellation cancellation, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        EngineConnections.Connection here = limit == null ? null : onThisThread();
        if (here != null) {
            return callHere(here, call, cancellation, limit);
        }
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
                    result.complete(call.on(connections.current()));
                } catch (Throwable t) {
                    // described here, where the answer's beginning is known (this thread read it)
                    RuntimeException invalid = EngineFailures.invalidAnswer(t, answers.last());
                    result.completeExceptionally(invalid != null ? invalid : t);
                }
            }));
            return limit == null ? result.get() : result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            throw new InterruptedException("abandoned by the stop button");
        } catch (TimeoutException e) {
            throw new EngineTimeout("no answer within " + limit);
        } catch (ExecutionException e) {
            throw failures.translate(e.getCause());
        } finally {
            if (cancellation != null) {
                cancellation.unregister(abandon);
            }
        }
    }

    /**
     * The connection a quick call can use on the caller's thread: a unix socket (a SocketChannel, which
     * an interrupt closes), and a thread with no interrupt pending. Null: the call goes to the gateway's
     * threads (which also report an engine that cannot be reached, as before).
     */
    private EngineConnections.Connection onThisThread() {
        if (inMemory || Thread.currentThread().isInterrupted()) {
            return null;
        }
        try {
            EngineConnections.Connection current = connections.current();
            return current.endpoint().host().startsWith("unix://") ? current : null;
        } catch (EngineUnreachable e) {
            return null;
        }
    }

    private <T> T callHere(EngineConnections.Connection connection, Work<T> call, Cancellation cancellation,
                           Duration limit) throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        InterruptibleCall running = new InterruptibleCall();
        BoundedAnswerHttpClient.CallScope answers = new BoundedAnswerHttpClient.CallScope();
        List<T> result = new ArrayList<>(1);
        Throwable failure = null;
        deadlines.add(running, limit);
        if (cancellation != null) {
            cancellation.register(running); // a stop already pressed ends it at once
        }
        try {
            BoundedAnswerHttpClient.within(answers, () -> {
                try {
                    result.add(call.on(connection));
                } catch (Exception e) {
                    throw new CallFailed(e);
                }
            });
        } catch (CallFailed e) {
            failure = e.getCause();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            deadlines.remove(running);
            if (cancellation != null) {
                cancellation.unregister(running);
            }
        }
        InterruptibleCall.Ending ending = running.finish();
        if (failure == null) {
            return result.get(0); // answered, even if the stop button came as the answer ended
        }
        if (ending != null) {
            answers.closeAll();
            if (ending == InterruptibleCall.Ending.STOPPED) {
                throw new InterruptedException("abandoned by the stop button");
            }
            throw new EngineTimeout("no answer within " + limit);
        }
        RuntimeException invalid = EngineFailures.invalidAnswer(failure, answers.last());
        throw failures.translate(invalid != null ? invalid : failure);
    }

    /** Carries a call's checked exception out of the Runnable it runs in. */
    private static final class CallFailed extends RuntimeException {
        CallFailed(Exception cause) {
            super(cause);
        }
    }

    /** A raw API request whose answer is JSON: a listing, or where the typed model loses detail. */
    @Override
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path)
            throws DaemonError, EngineUnreachable {
        return raw.requestJson(method, path);
    }

    /** The raw text of a JSON answer, kept byte for byte (inspect prints it re-indented, not rewritten). */
    @Override
    public String requestText(String path) throws DaemonError, EngineUnreachable {
        return raw.requestText(path);
    }

    /** A raw API request with a JSON body whose answer is JSON (container create, auth). */
    @Override
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path, JsonElement body)
            throws DaemonError, EngineUnreachable {
        return raw.requestJson(method, path, body);
    }

    /** A raw API exchange that streams: the body sent as it is read, the answer read as it arrives. */
    @Override
    public <T> T exchange(DockerHttpClient.Request.Method method, String path, Map<String, String> headers,
                          InputStream body, BodyReader<T> reader) throws DaemonError, EngineUnreachable {
        return raw.exchange(method, path, headers, body, reader);
    }

    /** The stat of a path in a container; null when the path does not exist. */
    @Override
    public JsonObject pathStat(String container, String path) throws DaemonError, EngineUnreachable {
        return raw.pathStat(container, path);
    }

    /**
     * Opens an upgraded attach or exec stream that can deliver EOF on stdin, or returns null when this
     * engine is reached over TLS (then docker-java's attach is used, without EOF).
     */
    @Override
    public HijackedStream hijack(String path, String jsonBody, boolean tty) throws DaemonError, EngineUnreachable {
        EngineConnections.Connection current = connections.current();
        if (inMemory || !HijackedStream.supports(current.endpoint())) {
            return null;
        }
        try {
            return HijackedStream.open(current.endpoint(), current.tls(), path, jsonBody, tty);
        } catch (IOException e) {
            throw connections.unreachable(current, e);
        }
    }

    /**
     * Resolves the engine and opens its transport now, without contacting the engine: the first
     * command then does not pay for loading the transport's classes. docker-java's typed client is not
     * made here but on the first typed call (EngineConnections.Connection): it loads Jackson, which a
     * kernel that only lists never needs; the first such call pays about 40 ms for it. A configuration
     * that names no usable engine is reported by the first command instead.
     */
    @Override
    public void prepare() {
        try {
            connections.current();
        } catch (EngineUnreachable e) {
            // the first command says so, with every place tried
        }
    }

    /** How many retired connections are open (for tests). */
    int retiredCount() {
        return connections.retiredCount();
    }

    /** docker-java's "Status 404: {"message":"No such container: x"}" back to the daemon's words. */
    public static DaemonError daemonError(DockerException e) {
        return EngineFailures.daemonError(e);
    }

    /** The daemon's message in an error answer's body. */
    static String messageOf(String body) {
        return EngineFailures.messageOf(body);
    }

    /** An answer that is not what the Docker API describes; see {@link EngineFailures#invalidAnswer}. */
    static EngineAnswerInvalid invalidAnswer(Throwable cause, BoundedAnswerHttpClient.Answer answer) {
        return EngineFailures.invalidAnswer(cause, answer);
    }

    @Override
    public void close() throws IOException {
        calls.shutdownNow();
        deadlines.close();
        connections.close();
    }
}
