package io.github.dockerlessons.command.core;

import io.github.dockerlessons.engine.Engine;

import java.util.List;

/** A raw API path and its query, each value percent-encoded; a value that is null is left out. */
public final class ApiQuery {
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

    @Override
    public String toString() {
        return path.toString();
    }
}
