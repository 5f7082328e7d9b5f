package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.InputStream;
import java.util.Map;

/**
 * A raw API request as a value, so that it goes through the same kinds of call as a docker-java one
 * (bounded, cancellable, or run to the end) instead of being sent from inside another call's lambda.
 * A class, not a functional interface: a method taking a {@link Engine.Call} or a RawRequest is never
 * ambiguous for a lambda.
 */
public abstract class RawRequest<T> {
    private RawRequest() {
    }

    /** Sends the request over {@code engine}; the caller decides how long it may take. */
    public abstract T send(Engine engine) throws Exception;

    /** A request whose answer is JSON. */
    public static RawRequest<JsonElement> json(DockerHttpClient.Request.Method method, String path) {
        return of(engine -> engine.requestJson(method, path));
    }

    /** A request with a JSON body whose answer is JSON. */
    public static RawRequest<JsonElement> json(DockerHttpClient.Request.Method method, String path, JsonElement body) {
        return of(engine -> engine.requestJson(method, path, body));
    }

    /** The raw text of a JSON answer to a GET, byte for byte. */
    public static RawRequest<String> text(String path) {
        return of(engine -> engine.requestText(path));
    }

    /** The stat of a path in a container; null when the path does not exist. */
    public static RawRequest<JsonObject> pathStat(String container, String path) {
        return of(engine -> engine.pathStat(container, path));
    }

    /** A streamed exchange: {@code body} sent as it is read, the answer read by {@code reader}. */
    public static <T> RawRequest<T> exchange(DockerHttpClient.Request.Method method, String path,
                                             Map<String, String> headers, InputStream body,
                                             Engine.BodyReader<T> reader) {
        return of(engine -> engine.exchange(method, path, headers, body, reader));
    }

    /** An attach or exec stream that can deliver EOF on stdin, or null where the engine cannot give one. */
    public static RawRequest<HijackedStream> hijack(String path, String jsonBody, boolean tty) {
        return of(engine -> engine.hijack(path, jsonBody, tty));
    }

    /** The answer read on: {@code then} runs on the call's thread, under its stop button and time limit. */
    public <R> RawRequest<R> then(Step<T, R> then) {
        RawRequest<T> first = this;
        return of(engine -> then.apply(first.send(engine)));
    }

    /** What is done with an answer (may throw, as reading it may). */
    @FunctionalInterface
    public interface Step<T, R> {
        R apply(T answer) throws Exception;
    }

    private interface Sender<T> {
        T send(Engine engine) throws Exception;
    }

    private static <T> RawRequest<T> of(Sender<T> sender) {
        return new RawRequest<>() {
            @Override
            public T send(Engine engine) throws Exception {
                return sender.send(engine);
            }
        };
    }
}
