package io.github.dockerlessons.engine;

/**
 * A connection to the engine was made and then broke off (reset, closed mid-answer): unlike
 * {@link EngineUnreachable}, the engine is there, so the CLI's "Cannot connect" would mislead.
 */
public final class EngineConnectionLost extends RuntimeException {
    private final String host;

    public EngineConnectionLost(String host, Throwable cause) {
        super("the connection to the Docker daemon at " + host + " broke off", cause, false, false);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
