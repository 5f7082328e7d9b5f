package io.github.dockerlessons.console;

import io.github.dockerlessons.render.Bundle;

import java.util.function.Supplier;

/**
 * A progress display that is shown at its first change and redrawn at most once per interval, so a
 * stream of events (a pull's layers, Compose's steps) costs the notebook a few updates, not one per
 * event; {@link #finish} draws the last state whatever the throttle held back. Not thread-safe: its
 * owner calls it under its own lock.
 */
public final class ThrottledDisplay {
    private final Console console;
    private final long intervalMs;
    private final Supplier<Bundle> drawing;
    private String displayId;
    private long lastUpdate;

    public ThrottledDisplay(Console console, long intervalMs, Supplier<Bundle> drawing) {
        this.console = console;
        this.intervalMs = intervalMs;
        this.drawing = drawing;
    }

    /** The state changed: shown now the first time, else redrawn when the interval has passed. */
    public void changed() {
        long now = System.currentTimeMillis();
        if (displayId == null) {
            displayId = console.showUpdatable(drawing.get());
            lastUpdate = now;
        } else if (now - lastUpdate >= intervalMs) {
            console.update(displayId, drawing.get());
            lastUpdate = now;
        }
    }

    /** Draws the last state, if anything was shown. */
    public void finish() {
        if (displayId != null) {
            console.update(displayId, drawing.get());
        }
    }
}
