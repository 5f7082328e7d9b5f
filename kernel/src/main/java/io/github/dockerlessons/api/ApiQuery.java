package io.github.dockerlessons.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.dockerlessons.engine.Engine;

import java.util.List;
import java.util.Map;

/** The query of a raw API request: its parameters, then the filters as the JSON map the API takes. */
public final class ApiQuery {
    /** No HTML escaping: a filter's "=" stays "=" in the request a message names, as the CLI sends it. */
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private ApiQuery() {
    }

    /** {@code path} with its parameters (in order) and the filters; a parameter or filter map may be empty. */
    public static String of(String path, Map<String, String> parameters, Map<String, List<String>> filters) {
        StringBuilder query = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            query.append(separator).append(parameter.getKey()).append('=').append(Engine.encode(parameter.getValue()));
            separator = '&';
        }
        if (!filters.isEmpty()) {
            query.append(separator).append("filters=").append(Engine.encode(JSON.toJson(filters)));
        }
        return query.toString();
    }
}
