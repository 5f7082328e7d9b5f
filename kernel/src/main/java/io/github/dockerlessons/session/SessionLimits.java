package io.github.dockerlessons.session;

import java.time.Duration;
import java.util.Map;

/**
 * The bounds that keep one cell from taking the kernel down, each settable: the output a cell keeps
 * (DOCKER_KERNEL_OUTPUT_LIMIT, {@code %output_limit}), the most a {@code $( )} or one expanded
 * command may hold (DOCKER_KERNEL_CAPTURE_LIMIT, {@code %capture_limit}), the size of a cell's text
 * (DOCKER_KERNEL_CELL_LIMIT) and how long a quick engine call may go unanswered
 * (DOCKER_KERNEL_ENGINE_TIMEOUT, seconds). Sizes in bytes.
 */
record SessionLimits(long output, long capture, long cell, Duration quickCall) {
    static final long DEFAULT_CAPTURE = 16L << 20;
    static final long DEFAULT_CELL = 2L << 20;
    static final Duration DEFAULT_QUICK_CALL = Duration.ofSeconds(30);

    static SessionLimits fromEnvironment(Map<String, String> env) {
        return new SessionLimits(
                size(env.get("DOCKER_KERNEL_OUTPUT_LIMIT"), OutputBudget.DEFAULT_LIMIT),
                size(env.get("DOCKER_KERNEL_CAPTURE_LIMIT"), DEFAULT_CAPTURE),
                size(env.get("DOCKER_KERNEL_CELL_LIMIT"), DEFAULT_CELL),
                seconds(env.get("DOCKER_KERNEL_ENGINE_TIMEOUT"), DEFAULT_QUICK_CALL));
    }

    private static long size(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OutputBudget.parseLimit(text);
        } catch (NumberFormatException e) {
            return fallback; // an unreadable limit keeps the default
        }
    }

    private static Duration seconds(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            return value > 0 ? Duration.ofSeconds(value) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
