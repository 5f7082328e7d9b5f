package io.github.dockerlessons.engine;

/** A call that should be quick got no answer from the engine within its time limit. */
public final class EngineTimeout extends Exception {
    public EngineTimeout(String message) {
        super(message, null, false, false);
    }
}
