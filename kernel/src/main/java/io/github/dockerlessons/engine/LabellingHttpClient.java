package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Puts the notebook session's labels on every container, volume and network it creates, whichever
 * command creates it (run, create, compose, volume create...): the create requests' JSON gets them in
 * its {@code Labels}. A label the user gave keeps its value. This is how {@code %scope lesson} and
 * {@code %reset} know exactly what the notebook made, and nothing else. (Builds are not labelled
 * here: the classic builder would print the label as a step of its own; images are remembered by ID.)
 */
final class LabellingHttpClient implements DockerHttpClient {
    private static final Pattern CREATE = Pattern.compile("^(/v[0-9.]+)?/(containers|volumes|networks)/create(\\?.*)?$");

    private final DockerHttpClient delegate;
    private final Supplier<Map<String, String>> labels;

    LabellingHttpClient(DockerHttpClient delegate, Supplier<Map<String, String>> labels) {
        this.delegate = delegate;
        this.labels = labels;
    }

    @Override
    public Response execute(Request request) {
        Map<String, String> extra = labels.get();
        if (!extra.isEmpty() && "POST".equals(request.method())) {
            if (CREATE.matcher(request.path()).matches() && request.bodyBytes() != null) {
                request = Request.builder().from(request).bodyBytes(withLabels(request.bodyBytes(), extra)).build();
            }
        }
        return delegate.execute(request);
    }

    static byte[] withLabels(byte[] body, Map<String, String> extra) {
        JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        if (!parsed.isJsonObject()) {
            return body;
        }
        JsonObject json = parsed.getAsJsonObject();
        JsonObject labels = json.has("Labels") && json.get("Labels").isJsonObject()
                ? json.getAsJsonObject("Labels") : new JsonObject();
        extra.forEach((key, value) -> {
            if (!labels.has(key)) {
                labels.addProperty(key, value);
            }
        });
        json.add("Labels", labels);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
