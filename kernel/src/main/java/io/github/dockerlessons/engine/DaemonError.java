package io.github.dockerlessons.engine;

/**
 * The engine said no. {@link #daemonMessage()} is the daemon's own sentence ("No such container: x"),
 * which commands print after "Error response from daemon: " exactly as the docker CLI does.
 */
public final class DaemonError extends Exception {
    private final int httpStatus;
    private final String daemonMessage;

    public DaemonError(int httpStatus, String daemonMessage, Throwable cause) {
        super(daemonMessage, cause);
        this.httpStatus = httpStatus;
        this.daemonMessage = daemonMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String daemonMessage() {
        return daemonMessage;
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /** "Error response from daemon: ..." as the CLI prints it. */
    public String cliText() {
        return "Error response from daemon: " + daemonMessage;
    }
}
