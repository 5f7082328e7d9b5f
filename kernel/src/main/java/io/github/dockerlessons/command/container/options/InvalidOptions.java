package io.github.dockerlessons.command.container.options;

/**
 * Flags that parse but do not fit together or cannot be served, in the docker CLI's words
 * ("conflicting options: cannot specify both --restart and --rm"). Most are reported as the CLI
 * reports its option errors (status 125, "docker: ...", and where to read the help); a flag the
 * engine's API version cannot serve is reported bare, status 1, as the CLI does before parsing.
 */
public final class InvalidOptions extends Exception {
    private final boolean beforeParsing;

    public InvalidOptions(String cliText) {
        this(cliText, false);
    }

    private InvalidOptions(String cliText, boolean beforeParsing) {
        super(cliText, null, false, false);
        this.beforeParsing = beforeParsing;
    }

    /** "--flag" requires API version X, or another daemon: status 1, no help line. */
    public static InvalidOptions unsupported(String cliText) {
        return new InvalidOptions(cliText, true);
    }

    public boolean beforeParsing() {
        return beforeParsing;
    }
}
