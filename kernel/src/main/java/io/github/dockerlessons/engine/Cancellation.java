package io.github.dockerlessons.engine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The stop button's reach into a running cell. Streams and engine calls register here while they
 * run; an interrupt first runs the interrupt hooks (a foreground container gets SIGINT and a moment
 * to end, as the CLI's signal proxy does), then closes what is registered, which is how docker-java
 * aborts an attach, a log or a pull and how a waiting engine call is abandoned, so the command
 * returns and the cell ends instead of hanging. {@link #cancel} returns at once: the hooks run on a
 * thread of their own, never on the thread that asked (the control channel must answer at once).
 * When the kernel ends during the cell, {@link #endKernel} runs its end hooks first.
 */
public final class Cancellation {
    /** The cell this thread runs for, so that a blocking file read deep in option parsing can be stopped. */
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    private final List<Closeable> open = new ArrayList<>();
    private final List<Runnable> hooks = new ArrayList<>();
    private final List<Runnable> endHooks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean cancelled;
    /** Counted down once the interrupt hooks have run: their notes are complete then. */
    private final CountDownLatch hooksDone = new CountDownLatch(1);

    /**
     * Something to do when the stop button is pressed, before the streams close. If the button was
     * pressed already, the hook runs now, on the caller's thread.
     */
    public void onInterrupt(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    public synchronized void removeInterruptHook(Runnable hook) {
        hooks.remove(hook);
    }

    /**
     * Something to do if the kernel ends while this runs: what the cell started in the foreground
     * must not outlive it (a {@code docker run --rm} container is removed, as the CLI's {@code --rm}
     * removes it when the CLI is interrupted).
     */
    public synchronized void onKernelEnd(Runnable hook) {
        endHooks.add(hook);
    }

    public synchronized void removeKernelEndHook(Runnable hook) {
        endHooks.remove(hook);
    }

    /**
     * The kernel is ending: the end hooks run at once, side by side, for at most {@code limit}
     * together; then every stream is closed and every waiting call abandoned ({@link #abandonNow}).
     */
    public void endKernel(Duration limit) {
        List<Runnable> toRun;
        synchronized (this) {
            toRun = new ArrayList<>(endHooks);
            endHooks.clear();
        }
        List<Thread> running = new ArrayList<>();
        for (Runnable hook : toRun) {
            Thread thread = new Thread(() -> {
                try {
                    hook.run();
                } catch (RuntimeException ignored) {
                    // the process ends either way
                }
            }, "kernel-end");
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (Thread thread : running) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Math.max(1, left / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandonNow();
    }

    /** A sentence for the user about what the interrupt left behind (a container still running). */
    public synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /**
     * The notes of an interrupt. The cell may end before the hooks do (its command returned on its
     * own), so this waits for them, at most a few seconds.
     */
    public List<String> notes() {
        if (cancelled) {
            try {
                hooksDone.await(3, TimeUnit.SECONDS);
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

    /** The stop button: returns at once; the hooks, then the closing, happen on their own thread. */
    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        Thread worker = new Thread(this::runHooksThenClose, "interrupt");
        worker.setDaemon(true);
        worker.start();
    }

    private void runHooksThenClose() {
        List<Runnable> toRun;
        synchronized (this) {
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
        closeAll();
    }

    /** Closes every registered stream and abandons every waiting call now, without the hooks (shutdown). */
    public void abandonNow() {
        synchronized (this) {
            cancelled = true;
            hooks.clear();
        }
        hooksDone.countDown();
        closeAll();
    }

    private void closeAll() {
        List<Closeable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(open);
            open.clear();
        }
        toClose.forEach(Cancellation::closeQuietly);
    }

    /**
     * Makes this the cancellation of the calling thread until {@link #leave}: a host file read that may
     * block (a named pipe, a device) asks {@link #current()} so that the stop button ends it too.
     */
    public void enter() {
        CURRENT.set(this);
    }

    public void leave() {
        CURRENT.remove();
    }

    /** The cancellation of the cell the calling thread runs, or null outside a cell. */
    public static Cancellation current() {
        return CURRENT.get();
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
