package io.github.dockerlessons.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.dockerlessons.engine.Engine;

import java.util.List;
import java.util.Map;

/** A raw API path and its query, each value percent-encoded; a value that is null is left out. */
public final class ApiQuery {
    /** No HTML escaping: a filter's "=" stays "=" in the request a message names, as the CLI sends it. */
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private final StringBuilder path;
    private boolean first = true;

    private ApiQuery(String path) {
        this.path = new StringBuilder(path);
    }

    public static ApiQuery of(String path) {
        return new ApiQuery(path);
    }

    /** {@code name=value}, unless {@code value} is null. */
    public ApiQuery add(String name, String value) {
        if (value != null) {
            path.append(first ? '?' : '&').append(name).append('=').append(Engine.encode(value));
            first = false;
        }
        return this;
    }

    /** {@code name=value} once for each value, as the engine reads a repeated parameter. */
    public ApiQuery addEach(String name, List<String> values) {
        values.forEach(value -> add(name, value));
        return this;
    }

    /** The filters as the JSON map the API takes ({@code filters=...}); none when there are none. */
    public ApiQuery filters(Map<String, List<String>> filters) {
        return add("filters", filters.isEmpty() ? null : JSON.toJson(filters));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
