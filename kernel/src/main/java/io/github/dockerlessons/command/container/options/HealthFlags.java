package io.github.dockerlessons.command.container.options;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

import java.util.List;

/**
 * The container's health check ({@code --health-cmd "wget -q -O- localhost"}, its interval,
 * timeout, retries and start period) or none at all ({@code --no-healthcheck}).
 *
 * @param healthcheck the API's HealthConfig, or null to keep the image's
 */
public record HealthFlags(JsonObject healthcheck) {

    public static final Flag<String> HEALTH_CMD = Flag.string("health-cmd");
    public static final Flag<Long> HEALTH_INTERVAL = Flag.of((char) 0, "health-interval", GoDuration.TYPE, 0L);
    public static final Flag<Integer> HEALTH_RETRIES = Flag.integer((char) 0, "health-retries", 0);
    public static final Flag<Long> HEALTH_TIMEOUT = Flag.of((char) 0, "health-timeout", GoDuration.TYPE, 0L);
    public static final Flag<Long> HEALTH_START_PERIOD = Flag.of((char) 0, "health-start-period", GoDuration.TYPE, 0L);
    /** API 1.44: hidden, as the CLI hides it against the lessons' engine (1.41); checked against the engine when given. */
    public static final Flag<Long> HEALTH_START_INTERVAL = Flag.of((char) 0, "health-start-interval",
            GoDuration.TYPE, 0L).hidden();
    public static final Flag<Boolean> NO_HEALTHCHECK = Flag.bool("no-healthcheck");

    public static final List<Flag<?>> FLAGS = List.of(HEALTH_CMD, HEALTH_INTERVAL, HEALTH_RETRIES, HEALTH_TIMEOUT,
            HEALTH_START_PERIOD, HEALTH_START_INTERVAL, NO_HEALTHCHECK);

    public static HealthFlags of(Invocation in) throws InvalidOptions {
        String cmd = in.get(HEALTH_CMD);
        long interval = in.get(HEALTH_INTERVAL);
        long timeout = in.get(HEALTH_TIMEOUT);
        long startPeriod = in.get(HEALTH_START_PERIOD);
        long startInterval = in.get(HEALTH_START_INTERVAL);
        int retries = in.get(HEALTH_RETRIES);
        boolean any = (cmd != null && !cmd.isEmpty()) || interval != 0 || timeout != 0 || startPeriod != 0 || retries != 0
                || startInterval != 0;
        if (in.get(NO_HEALTHCHECK)) {
            if (any) {
                throw new InvalidOptions("--no-healthcheck conflicts with --health-* options");
            }
            JsonObject none = new JsonObject();
            none.add("Test", CreateRequest.strings(List.of("NONE")));
            return new HealthFlags(none);
        }
        if (!any) {
            return new HealthFlags(null);
        }
        if (interval < 0) {
            throw new InvalidOptions("--health-interval cannot be negative");
        }
        if (timeout < 0) {
            throw new InvalidOptions("--health-timeout cannot be negative");
        }
        if (retries < 0) {
            throw new InvalidOptions("--health-retries cannot be negative");
        }
        if (startPeriod < 0) {
            throw new InvalidOptions("--health-start-period cannot be negative");
        }
        if (startInterval < 0) {
            throw new InvalidOptions("--health-start-interval cannot be negative");
        }
        JsonObject health = new JsonObject();
        if (cmd != null && !cmd.isEmpty()) {
            health.add("Test", CreateRequest.strings(List.of("CMD-SHELL", cmd)));
        }
        health.addProperty("Interval", interval);
        health.addProperty("Timeout", timeout);
        health.addProperty("StartPeriod", startPeriod);
        if (startInterval != 0) {
            health.addProperty("StartInterval", startInterval);
        }
        health.addProperty("Retries", retries);
        return new HealthFlags(health);
    }

    public void applyTo(CreateRequest request) {
        if (healthcheck != null) {
            request.config().add("Healthcheck", healthcheck.deepCopy());
        }
    }
}
