package io.github.dockerlessons.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Puts the notebook session's labels on every container, volume, network and built image it
 * creates, whichever command creates it (run, create, compose, volume create, build...): the create
 * requests' JSON gets them in its {@code Labels}, a build its {@code labels} parameter. A label the
 * user gave keeps its value. This is how {@code %scope lesson} and {@code %reset} know exactly what
 * the notebook made, and nothing else.
 */
final class LabellingHttpClient implements DockerHttpClient {
    private static final Pattern CREATE = Pattern.compile("^(/v[0-9.]+)?/(containers|volumes|networks)/create(\\?.*)?$");
    private static final Pattern BUILD = Pattern.compile("^(/v[0-9.]+)?/build(\\?.*)?$");

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
            } else if (BUILD.matcher(request.path()).matches()) {
                request = Request.builder().from(request).path(withBuildLabels(request.path(), extra)).build();
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

    /** The build API takes its labels as one JSON object in the query. */
    static String withBuildLabels(String path, Map<String, String> extra) {
        int query = path.indexOf('?');
        JsonObject labels = new JsonObject();
        StringBuilder rest = new StringBuilder();
        if (query >= 0) {
            for (String pair : path.substring(query + 1).split("&")) {
                if (pair.startsWith("labels=")) {
                    String given = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                    JsonElement parsed = JsonParser.parseString(given);
                    if (parsed.isJsonObject()) {
                        labels = parsed.getAsJsonObject();
                    }
                } else if (!pair.isEmpty()) {
                    rest.append(rest.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        JsonObject all = labels;
        extra.forEach((key, value) -> {
            if (!all.has(key)) {
                all.addProperty(key, value);
            }
        });
        String base = query < 0 ? path : path.substring(0, query);
        return base + "?" + (rest.length() == 0 ? "" : rest + "&") + "labels="
                + URLEncoder.encode(all.toString(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
