package io.github.dockerlessons.compose;

import java.util.function.BooleanSupplier;

/**
 * What keeps one Compose load bounded: the stop button's reach (every loop that can run long asks
 * {@link #check}) and the budget of text that variable substitution may produce across the load, so
 * that a .env whose variables double, or a large value referenced many times, ends in an error that
 * names the limit instead of filling the kernel's heap.
 */
final class LoadGuard {
    /** Characters that substitution may produce over the whole load (values, .env included). */
    static final long MAX_EXPANDED_CHARS = 8L * 1024 * 1024;

    private final BooleanSupplier stopped;
    private long expanded;

    LoadGuard(BooleanSupplier stopped) {
        this.stopped = stopped;
    }

    /** A guard that is never stopped (a value substituted outside a load). */
    static LoadGuard unstoppable() {
        return new LoadGuard(() -> false);
    }

    /** Ends the load when the stop button was pressed. */
    void check() throws ComposeFileError {
        if (stopped.getAsBoolean()) {
            throw ComposeFileError.stopped();
        }
    }

    /** Counts {@code chars} more characters of substituted text; false once the budget is spent. */
    boolean charge(long chars) {
        expanded += chars;
        return expanded <= MAX_EXPANDED_CHARS;
    }
}
