package io.github.dockerlessons.engine;

/** A docker context operation that failed; the message is the docker CLI's, word for word. */
public final class ContextError extends Exception {
    public ContextError(String cliText) {
        super(cliText);
    }

    public ContextError(String cliText, Throwable cause) {
        super(cliText, cause);
    }
}
