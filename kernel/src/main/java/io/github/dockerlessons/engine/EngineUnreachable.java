package io.github.dockerlessons.engine;

/** No engine answers at the configured host; the message is the docker CLI's. */
public final class EngineUnreachable extends Exception {
    private final String host;

    public EngineUnreachable(String host, Throwable cause) {
        super("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?", cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
