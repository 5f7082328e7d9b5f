package io.github.dockerlessons.command.core;

/**
 * How many arguments a command takes, with the CLI's message for each way of getting it wrong
 * (docker/cli's cli/required.go).
 */
public record Arity(int min, int max) {
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public static Arity none() {
        return new Arity(0, 0);
    }

    public static Arity exactly(int n) {
        return new Arity(n, n);
    }

    public static Arity atLeast(int n) {
        return new Arity(n, UNBOUNDED);
    }

    public static Arity atMost(int n) {
        return new Arity(0, n);
    }

    /** The CLI's complaint about {@code given} arguments, or null when they fit. */
    String complaint(String calledAs, int given) {
        if (given >= min && given <= max) {
            return null;
        }
        if (max == 0) {
            return "docker: '" + calledAs + "' accepts no arguments";
        }
        if (min == max) {
            return "docker: '" + calledAs + "' requires " + min + " " + plural(min);
        }
        if (given < min) {
            return "docker: '" + calledAs + "' requires at least " + min + " " + plural(min);
        }
        return "docker: '" + calledAs + "' requires at most " + max + " " + plural(max);
    }

    /** Exact and no-argument rules end with "Run ..."; at-least and at-most with "See ...". */
    String closing(String calledAs) {
        boolean exact = min == max;
        return (exact ? "Run '" : "See '") + calledAs + " --help' for more information";
    }

    private static String plural(int n) {
        return n == 1 ? "argument" : "arguments";
    }
}
