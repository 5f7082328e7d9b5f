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
    private final List<Runnable> hooks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean cancelled;
    /** Counted down once the interrupt hooks have run: their notes are complete then. */
    private final java.util.concurrent.CountDownLatch hooksDone = new java.util.concurrent.CountDownLatch(1);

    /**
     * Something to do when the stop button is pressed, before the streams close: a foreground
     * container is sent SIGINT and given a moment to end, as the CLI's signal proxy does.
     */
    public void onInterrupt(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run(); // the stop button came first
    }

    public synchronized void removeInterruptHook(Runnable hook) {
        hooks.remove(hook);
    }

    /** A sentence for the user about what the interrupt left behind (a container still running). */
    public synchronized void note(String note) {
        notes.add(note);
    }

    /**
     * The notes of an interrupt. The cell may end before the hooks do (its command returned on its
     * own), so this waits for them, at most a few seconds.
     */
    public List<String> notes() {
        if (cancelled) {
            try {
                hooksDone.await(3, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            return List.copyOf(notes);
        }
    }

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
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        try {
            for (Runnable hook : toRun) {
                try {
                    hook.run();
                } catch (RuntimeException ignored) {
                    // a hook that fails must not keep the streams open
                }
            }
        } finally {
            hooksDone.countDown();
        }
        List<Closeable> toClose;
        synchronized (this) {
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
