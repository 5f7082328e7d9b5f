package io.github.dockerlessons.command.swarm;

import io.github.dockerlessons.command.core.DockerError;

import java.util.Locale;

/** A node's availability as init, join and node update take it: active, pause or drain. */
public final class Availability {
    private Availability() {
    }

    public static String parse(String value) throws DockerError {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("active") || lower.equals("pause") || lower.equals("drain")) {
            return lower;
        }
        throw new DockerError(1, "invalid availability \"" + value + "\", only active, pause and drain are supported",
                "hint.swarm.availability");
    }
}
