package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * What commands and the session need from a Docker Engine: the seam between them and the engine.
 * {@link EngineGateway} is the real one (sockets, TLS, contexts, time limits, the stop button); tests
 * run that same gateway over a daemon answered in memory ({@link EngineGateway#inMemory}), so a
 * command runs with no daemon at all and the gateway's own code is what is tested (issue 22).
 *
 * <p>Two kinds of access: a {@link Call} handed docker-java's typed client, and raw API requests
 * ({@link #send}): the listings, read into the kernel's own model (api/) so that a kernel that only
 * lists never loads Jackson, and the places the typed model loses what users see (inspect's JSON as it
 * came, rmi's list of deleted layers, create's fields docker-java lacks, streamed tars, a path's stat,
 * hijacked streams).
 * Every method answers with a result or one of the engine's failures: {@link DaemonError} in the
 * daemon's words, {@link EngineUnreachable}, {@link EngineConnectionLost}, {@link EngineTimeout} or
 * {@link EngineAnswerInvalid}.
 */
public interface Engine extends Closeable {

    /** A call against docker-java's client. */
    @FunctionalInterface
    interface Call<T> {
        T run(DockerClient client) throws Exception;
    }

    /** Reads the body of a successful answer as it arrives. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /** Where this engine is found: contexts, environment, the machine's sockets. */
    EngineDiscovery discovery();

    /** The endpoint the next call goes to: its host, its context name and where it came from. */
    EngineEndpoint endpoint() throws EngineUnreachable;

    /** The host the next call goes to, for messages and links; the failure's host when none can be used. */
    String host();

    /** Labels put on every container, volume, network and built image created from now on. */
    void labelCreations(Map<String, String> labels);

    /**
     * Runs {@code call} against the engine. It returns its result, or ends early: when
     * {@code cancellation} (may be null) is cancelled it throws InterruptedException and leaves the
     * call to finish in the background; after {@code limit} (null for none) it throws EngineTimeout.
     */
    <T> T call(Call<T> call, Cancellation cancellation, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException;

    /** A call without cancellation or time limit, for the kernel's own quick questions (completion). */
    default <T> T call(Call<T> call, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        return call(call, null, limit);
    }

    /**
     * Sends a raw API request as {@link #call(Call, Cancellation, Duration)} runs a typed call (the same
     * stop button and time limit), without making docker-java's typed client: a kernel whose cells only
     * list containers and images never loads Jackson's mapping (issue 22: idle memory).
     */
    <T> T send(RawRequest<T> request, Cancellation cancellation, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException;

    /** A raw request without cancellation, for the kernel's own quick questions (completion, panels). */
    default <T> T send(RawRequest<T> request, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        return send(request, null, limit);
    }

    /** A raw API request whose answer is JSON: a listing, or where the typed model loses detail. */
    JsonElement requestJson(DockerHttpClient.Request.Method method, String path) throws DaemonError, EngineUnreachable;

    /** A raw API request with a JSON body whose answer is JSON (container create, auth). */
    JsonElement requestJson(DockerHttpClient.Request.Method method, String path, JsonElement body)
            throws DaemonError, EngineUnreachable;

    /** The raw text of a JSON answer, kept byte for byte (inspect prints it re-indented, not rewritten). */
    String requestText(String path) throws DaemonError, EngineUnreachable;

    /**
     * A raw API exchange that streams: {@code body} (may be null) is sent as it is read, and a
     * successful answer's body goes to {@code reader} as it arrives. A refusal is a {@link DaemonError}.
     */
    <T> T exchange(DockerHttpClient.Request.Method method, String path, Map<String, String> headers,
                   InputStream body, BodyReader<T> reader) throws DaemonError, EngineUnreachable;

    /**
     * Opens an upgraded attach or exec stream that can deliver EOF on stdin, or returns null when the
     * engine cannot give one (then docker-java's attach is used, without EOF).
     */
    HijackedStream hijack(String path, String jsonBody, boolean tty) throws DaemonError, EngineUnreachable;

    /** The stat of a path in a container (name, size, mode, linkTarget); null when the path does not exist. */
    JsonObject pathStat(String container, String path) throws DaemonError, EngineUnreachable;

    /** Gets ready for the first command without contacting the engine (loads the transport's classes). */
    void prepare();

    /** A path of the raw API with a value in it, percent-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A path argument for docker-java (a container, image, volume or network name as the user typed
     * it): the same name, safe however docker-java builds the path; see PathEscapingHttpClient. An
     * engine's transport must restore it, as the gateway's does.
     */
    static String pathSegment(String value) {
        return PathEscapingHttpClient.standIns(value);
    }
}
