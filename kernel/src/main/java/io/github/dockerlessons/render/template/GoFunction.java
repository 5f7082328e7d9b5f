package io.github.dockerlessons.render.template;

import java.util.List;

/**
 * A function or method a template can call, with Go's signature: the parameter types decide how the
 * executor checks and converts arguments ({@code expected integer; found "a"}, {@code wrong type for
 * value; expected int; got string}) and how many it takes. A variadic function's last parameter is
 * the type of each of its trailing arguments.
 */
public record GoFunction(String name, List<GoType> params, boolean variadic, Body body) {

    /** The function itself: receives arguments already checked against {@link #params}. */
    @FunctionalInterface
    public interface Body {
        Object call(List<Object> args) throws Failure;
    }

    /** The error a Go function returns (or panics with); executed as "error calling NAME: message". */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    public static GoFunction of(String name, Body body, GoType... params) {
        return new GoFunction(name, List.of(params), false, body);
    }

    public static GoFunction variadic(String name, Body body, GoType... params) {
        return new GoFunction(name, List.of(params), true, body);
    }

    /** The number of parameters before the variadic one (all of them when not variadic). */
    public int fixed() {
        return variadic ? params.size() - 1 : params.size();
    }
}
