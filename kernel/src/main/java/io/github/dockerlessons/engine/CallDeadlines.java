package io.github.dockerlessons.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Ends the {@link InterruptibleCall}s that outlive their time limit, from one daemon thread that
 * sleeps until the earliest deadline. Adding a call wakes that thread only when the call's deadline
 * comes before the one it sleeps until (or when it sleeps with nothing to watch): calls made one after
 * another with the same limit wake it about once per limit, never once per call.
 */
final class CallDeadlines {
    private final Map<InterruptibleCall, Long> running = new HashMap<>();
    /** When the watchdog looks next (System.nanoTime), unless it waits until told. */
    private long wakeAt;
    private boolean waitingUntilTold = true;
    private Thread watchdog;

    synchronized void add(InterruptibleCall call, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        running.put(call, deadline);
        if (watchdog == null) {
            watchdog = new Thread(this::watch, "engine-deadlines");
            watchdog.setDaemon(true);
            watchdog.start();
        } else if (waitingUntilTold || deadline - wakeAt < 0) {
            notifyAll();
        }
    }

    synchronized void remove(InterruptibleCall call) {
        running.remove(call);
    }

    /**
     * Ends the watchdog: its gateway is closed. Without this every closed gateway (one per cell that
     * says {@code -c}/{@code -H}, per {@code %live --context} panel, per {@code %%check} context) kept
     * a thread waiting forever, and the thread kept this object. A later call starts a new one.
     */
    synchronized void close() {
        if (watchdog != null) {
            watchdog.interrupt(); // it waits on this object's monitor, which close holds only while it waits
            watchdog = null;
        }
    }

    private synchronized void watch() {
        try {
            while (true) {
                long now = System.nanoTime();
                Long next = null;
                for (Iterator<Map.Entry<InterruptibleCall, Long>> it = running.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<InterruptibleCall, Long> entry = it.next();
                    if (entry.getValue() - now <= 0) {
                        entry.getKey().end(InterruptibleCall.Ending.TIMED_OUT);
                        it.remove();
                    } else if (next == null || entry.getValue() - next < 0) {
                        next = entry.getValue();
                    }
                }
                waitingUntilTold = next == null;
                if (next == null) {
                    wait();
                } else {
                    wakeAt = next;
                    wait(Math.max(1, (next - now + 999_999) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            // close(): the gateway is closed (or the JVM is ending)
        }
    }
}
