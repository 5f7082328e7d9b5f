package io.github.dockerlessons.command.core;

import io.github.dockerlessons.engine.DaemonError;

/**
 * A docker command that failed, as the CLI would report it: the exit status the CLI would return
 * (125 the docker command itself failed, 126/127 the container command could not run, 1 an engine
 * error, otherwise the container's own status), the text the CLI prints on stderr, and optionally a
 * hint key for a short explanation in the reader's language.
 */
public final class DockerError extends Exception {
    private final int status;
    private final String cliText;
    private final String hintKey;
    private final Object[] hintArgs;
    private final boolean noEngine;

    public DockerError(int status, String cliText) {
        this(status, cliText, null);
    }

    public DockerError(int status, String cliText, String hintKey, Object... hintArgs) {
        this(status, cliText, false, hintKey, hintArgs);
    }

    private DockerError(int status, String cliText, boolean noEngine, String hintKey, Object... hintArgs) {
        super(cliText.isEmpty() ? "exit status " + status : cliText, null, false, false);
        this.status = status;
        this.cliText = cliText;
        this.noEngine = noEngine;
        this.hintKey = hintKey;
        this.hintArgs = hintArgs.clone();
    }

    /**
     * No engine answers: status 1 and the CLI's "Cannot connect" text. A command over several targets
     * stops at it rather than repeating it for each one.
     */
    public static DockerError noEngine(String cliText, String hintKey, Object... hintArgs) {
        return new DockerError(1, cliText, true, hintKey, hintArgs);
    }

    /** Whether this is {@link #noEngine}: no further call to the engine can do better. */
    public boolean noEngine() {
        return noEngine;
    }

    /** The engine refused: status 1, "Error response from daemon: ..." as the CLI prints it. */
    public static DockerError daemon(DaemonError e) {
        return new DockerError(1, e.cliText());
    }

    /**
     * A container's program (run, start -a, exec, attach) ended with a status other than 0: the CLI
     * prints nothing and exits with that status; the notebook says which status it was.
     */
    public static DockerError exitStatus(long status) {
        int code = (int) status;
        return new DockerError(code, "", "hint.exit.status", code);
    }

    public int status() {
        return status;
    }

    /** The CLI's own words, possibly several lines; empty when the CLI prints nothing (a container's exit). */
    public String cliText() {
        return cliText;
    }

    public String hintKey() {
        return hintKey;
    }

    public Object[] hintArgs() {
        return hintArgs.clone();
    }
}
