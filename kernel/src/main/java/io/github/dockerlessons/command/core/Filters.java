package io.github.dockerlessons.command.core;

import io.github.dockerlessons.api.ApiQuery;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -f key=value} flags, grouped by key as the engine wants them: the same key twice is an OR,
 * different keys an AND, both decided by the engine itself.
 */
public final class Filters {
    private Filters() {
    }

    public static Map<String, List<String>> parse(List<String> flags, Invocation invocation) throws DockerError {
        return parse(flags, "-f, --filter", invocation);
    }

    /** The values of a filter flag spelled otherwise: a prune's is {@code --filter} alone ({@code -f} is --force). */
    public static Map<String, List<String>> parse(Flag<List<String>> flag, Invocation invocation) throws DockerError {
        return parse(invocation.get(flag), flag.displayNames(), invocation);
    }

    private static Map<String, List<String>> parse(List<String> flags, String spelling, Invocation invocation)
            throws DockerError {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String flag : flags) {
            // As docker/cli's FilterOpt.Set: an empty value adds nothing; the name is trimmed and
            // lower-cased, the value trimmed; "=x" (an empty name) goes to the engine, which refuses it.
            if (flag.isEmpty()) {
                continue;
            }
            int eq = flag.indexOf('=');
            if (eq < 0) {
                throw new DockerError(125, "invalid argument \"" + flag + "\" for \"" + spelling + "\" flag: "
                        + "bad format of filter (expected name=value)" + invocation.usageTail());
            }
            filters.computeIfAbsent(flag.substring(0, eq).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(flag.substring(eq + 1).strip());
        }
        return filters;
    }

    /** The filters as a raw API listing's query ("?filters=" and their JSON), or "" when there are none. */
    public static String query(Map<String, List<String>> filters) {
        return ApiQuery.of("").filters(filters).toString();
    }
}
