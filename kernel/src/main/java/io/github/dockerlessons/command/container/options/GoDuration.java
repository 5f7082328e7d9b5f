package io.github.dockerlessons.command.container.options;

import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.golang.GoTime;

/**
 * pflag's duration flags ("30s", "1m30s", "500ms"): Go's time.ParseDuration with Go's errors
 * ({@code time: missing unit in duration "5"}). The value is in nanoseconds, as the engine takes it.
 */
public final class GoDuration {
    /** The flag type "duration". */
    public static final FlagType<Long> TYPE = FlagType.single("duration", GoDuration::parse);

    private GoDuration() {
    }

    public static long parse(String text) throws FlagType.InvalidValue {
        try {
            return GoTime.parseDuration(text);
        } catch (GoTime.InvalidDuration e) {
            throw new FlagType.InvalidValue(e.getMessage());
        }
    }
}
