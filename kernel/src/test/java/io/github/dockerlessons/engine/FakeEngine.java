package io.github.dockerlessons.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * An {@link Engine} with no daemon behind it, for unit tests of commands (issue 22; docker/cli tests
 * every command against a fakeClient the same way).
 *
 * <p>Why a fake transport and not a fake {@code DockerClient}: docker-java's {@code DockerClient} has
 * some hundred command builders, and faking them would test our fake, not what the kernel does. Here
 * the real {@link DockerClientImpl} runs over a {@link FakeDaemon}, docker-java's public
 * {@link DockerHttpClient} answered in memory by routes of method and path. So a command's
 * {@code call(client -> ...)} lambda goes through docker-java's real request building and JSON
 * mapping (a field docker-java drops is dropped here too), and the raw requests (inspect's JSON,
 * rmi's answer, create's body) go to the same routes. The transport sits under the gateway's own
 * {@link PathEscapingHttpClient}, as on a real engine, so names with odd characters arrive as the
 * daemon would see them. No reflection into docker-java.
 *
 * <p>Calls run on the caller's thread, with no time limit or stop button: a test that needs those
 * tests {@link EngineGateway}. A refusal is translated with the gateway's own rules
 * ({@link EngineGateway#daemonError}, {@link EngineGateway#messageOf}), so the daemon's words reach
 * the command exactly as from a real engine.
 */
public final class FakeEngine implements Engine {
    private static final String HOST = "unix:///fake/docker.sock";

    private final FakeDaemon daemon;
    private final DockerHttpClient http;
    private final DockerClient client;
    private final EngineDiscovery discovery = EngineDiscovery.fixed(HOST);

    public FakeEngine(FakeDaemon daemon) {
        this.daemon = daemon;
        this.http = new PathEscapingHttpClient(daemon);
        this.client = DockerClientImpl.getInstance(new DefaultDockerClientConfig.Builder()
                .withDockerHost(HOST)
                .withDockerTlsVerify(false)
                .build(), http);
    }

    public FakeDaemon daemon() {
        return daemon;
    }

    @Override
    public EngineDiscovery discovery() {
        return discovery;
    }

    @Override
    public EngineEndpoint endpoint() {
        return new EngineEndpoint(HOST, null, DockerContext.DEFAULT_NAME, EngineEndpoint.Origin.DOCKER_HOST);
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public void labelCreations(Map<String, String> labels) {
        // the fake keeps no labels: tests of labelling use LabellingHttpClient directly
    }

    @Override
    public <T> T call(Call<T> call, Cancellation cancellation, Duration limit)
            throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException {
        try {
            return call.run(client);
        } catch (DaemonError | EngineUnreachable | EngineTimeout | InterruptedException | Error e) {
            throw e;
        } catch (DockerException e) {
            throw EngineGateway.daemonError(e);
        } catch (Exception e) {
            EngineAnswerInvalid invalid = EngineGateway.invalidAnswer(e, null);
            if (invalid != null) {
                throw invalid;
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    @Override
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path)
            throws DaemonError, EngineUnreachable {
        String text = exchange(method, path, Map.of(), null, FakeEngine::text);
        return JsonParser.parseString(text.isBlank() ? "null" : text);
    }

    @Override
    public JsonElement requestJson(DockerHttpClient.Request.Method method, String path, JsonElement body)
            throws DaemonError, EngineUnreachable {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(method).path(path)
                .headers(Map.of("Content-Type", "application/json"))
                .bodyBytes(body.toString().getBytes(StandardCharsets.UTF_8)).build();
        String text = execute(request, FakeEngine::text);
        return JsonParser.parseString(text.isBlank() ? "null" : text);
    }

    @Override
    public String requestText(String path) throws DaemonError, EngineUnreachable {
        return exchange(DockerHttpClient.Request.Method.GET, path, Map.of(), null, FakeEngine::text);
    }

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

    private <T> T execute(DockerHttpClient.Request request, BodyReader<T> reader) throws DaemonError {
        try (DockerHttpClient.Response response = http.execute(request); InputStream in = response.getBody()) {
            if (response.getStatusCode() >= 400) {
                throw new DaemonError(response.getStatusCode(), EngineGateway.messageOf(text(in)), null);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No upgraded stream from memory: commands fall back to docker-java's attach, as over TLS. */
    @Override
    public HijackedStream hijack(String path, String jsonBody, boolean tty) {
        return null;
    }

    @Override
    public JsonObject pathStat(String container, String path) throws DaemonError {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + Engine.encode(container) + "/archive?path=" + Engine.encode(path)).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream in = response.getBody()) {
            String header = response.getHeader("X-Docker-Container-Path-Stat");
            if (response.getStatusCode() >= 400) {
                String message = EngineGateway.messageOf(text(in));
                if (response.getStatusCode() == 404 && (header != null || !message.startsWith("No such container"))) {
                    return null;
                }
                throw new DaemonError(response.getStatusCode(), message, null);
            }
            return header == null ? null : JsonParser.parseString(new String(Base64.getDecoder().decode(header),
                    StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void prepare() {
        // nothing to load
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static String text(InputStream in) throws IOException {
        return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
