package io.github.dockerlessons.engine;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stop button's reach into a running cell. Streams register here while they run; an interrupt
 * closes them, which is how docker-java aborts an attach, a log or a pull, so the waiting command
 * returns and the cell ends instead of hanging.
 */
public final class Cancellation {
    private final List<Closeable> open = new ArrayList<>();
    private volatile boolean cancelled;

    public synchronized <T extends Closeable> T register(T closeable) {
        if (cancelled) {
            closeQuietly(closeable);
        } else {
            open.add(closeable);
        }
        return closeable;
    }

    public synchronized void unregister(Closeable closeable) {
        open.remove(closeable);
    }

    public void cancel() {
        List<Closeable> toClose;
        synchronized (this) {
            cancelled = true;
            toClose = new ArrayList<>(open);
            open.clear();
        }
        toClose.forEach(Cancellation::closeQuietly);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // already closed or broken: either way it no longer runs
        }
    }
}
