package io.github.dockerlessons.command.flags;

/** Flags that cannot be read, in pflag's own words ("unknown flag: --foo", "flag needs an argument: ..."). */
public final class FlagError extends Exception {
    public FlagError(String message) {
        super(message);
    }
}
