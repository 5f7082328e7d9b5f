package io.github.dockerlessons.engine;

import java.util.Map;

/**
 * The engine said no. {@link #daemonMessage()} is the daemon's own sentence ("No such container: x"),
 * which commands print after "Error response from daemon: " exactly as the docker CLI does.
 */
public final class DaemonError extends Exception {
    private final int httpStatus;
    private final String daemonMessage;
    private final String cliText;

    public DaemonError(int httpStatus, String daemonMessage, Throwable cause) {
        this(httpStatus, daemonMessage, "Error response from daemon: " + daemonMessage, cause);
    }

    private DaemonError(int httpStatus, String daemonMessage, String cliText, Throwable cause) {
        super(daemonMessage, cause);
        this.httpStatus = httpStatus;
        this.daemonMessage = daemonMessage;
        this.cliText = cliText;
    }

    /**
     * A refusal whose body says nothing, in the Go client's words (moby client/request.go): "request
     * returned Internal Server Error for API route and version …", not "Error response from daemon: "
     * with nothing after it. {@code request} may be null when it is not known.
     */
    public static DaemonError withoutMessage(int httpStatus, String request, Throwable cause) {
        String status = STATUS_TEXT.getOrDefault(httpStatus, "");
        return new DaemonError(httpStatus, "", "request returned " + (status.isEmpty() ? "status " + httpStatus : status)
                + (request == null ? "" : " for API route and version " + request)
                + ", check if the server supports the requested API version", cause);
    }

    /** Go's http.StatusText for the statuses an engine answers. */
    private static final Map<Integer, String> STATUS_TEXT = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

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
        return cliText;
    }
}
