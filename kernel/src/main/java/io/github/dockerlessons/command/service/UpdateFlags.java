package io.github.dockerlessons.command.service;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoNumbers;

import java.math.BigDecimal;

/**
 * The --update-* or --rollback-* flags (delay, parallelism, failure-action, monitor, max-failure-ratio,
 * order), and the config they make: the CLI's defaults (one task at a time, pause on failure, 5 s
 * monitor, no failure tolerated, stop-first) where a flag is not given.
 */
final class UpdateFlags {
    /** docker's floatValue: strconv.ParseFloat(s, 32), named "float" in help. */
    private static final FlagType<Float> FLOAT = FlagType.single("float", GoNumbers::parseFloat32);

    final Flag<String> delay;
    final Flag<String> parallelism;
    final Flag<String> failureAction;
    final Flag<String> monitor;
    final Flag<String> order;
    final Flag<Float> maxFailureRatio;
    private final String kind;

    UpdateFlags(String kind) {
        this.kind = kind;
        delay = Flag.string(kind + "-delay");
        parallelism = Flag.string(kind + "-parallelism");
        failureAction = Flag.string(kind + "-failure-action");
        monitor = Flag.string(kind + "-monitor");
        order = Flag.string(kind + "-order");
        maxFailureRatio = Flag.of('\0', kind + "-max-failure-ratio", FLOAT, null);
    }

    /** A new service's config. */
    JsonObject config(Invocation in) throws DockerError {
        JsonObject config = new JsonObject();
        config.addProperty("Parallelism", 1);
        config.addProperty("FailureAction", "pause");
        config.addProperty("Monitor", 5_000_000_000L);
        config.addProperty("MaxFailureRatio", 0);
        config.addProperty("Order", "stop-first");
        apply(in, config);
        return config;
    }

    /** Changes what the flags name in an existing config. */
    void apply(Invocation in, JsonObject config) throws DockerError {
        if (in.get(parallelism) != null) {
            try {
                config.addProperty("Parallelism", Long.parseUnsignedLong(in.get(parallelism)));
            } catch (NumberFormatException e) {
                throw new DockerError(125, "invalid argument \"" + in.get(parallelism) + "\" for \"--" + kind
                        + "-parallelism\" flag: strconv.ParseUint: parsing \"" + in.get(parallelism)
                        + "\": invalid syntax", null);
            }
        }
        if (in.get(delay) != null) {
            config.addProperty("Delay", ServiceSpecs.duration(in.get(delay), "--" + kind + "-delay"));
        }
        if (in.get(monitor) != null) {
            config.addProperty("Monitor", ServiceSpecs.duration(in.get(monitor), "--" + kind + "-monitor"));
        }
        if (in.get(failureAction) != null) {
            config.addProperty("FailureAction", in.get(failureAction));
        }
        if (in.get(order) != null) {
            config.addProperty("Order", in.get(order));
        }
        Float ratio = in.get(maxFailureRatio);
        if (ratio != null) {
            if (!Float.isFinite(ratio)) {
                // what the CLI's request fails with: Go's JSON has no NaN or infinity
                throw new DockerError(1, "json: unsupported value: " + (ratio.isNaN() ? "NaN" : ratio > 0 ? "+Inf" : "-Inf"),
                        null);
            }
            // as Go writes a float32: 1, not 1.0
            config.addProperty("MaxFailureRatio", new BigDecimal(Float.toString(ratio)).stripTrailingZeros());
        }
    }
}
