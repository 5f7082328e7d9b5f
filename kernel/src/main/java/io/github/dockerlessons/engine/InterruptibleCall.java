package io.github.dockerlessons.engine;

import java.io.Closeable;

/**
 * A quick engine call run on the thread that asks for it, so that no other thread has to be woken
 * and scheduled twice per call (on a loaded machine each hand-off waits milliseconds for a core).
 * The stop button ({@link Cancellation} closes this) and the time limit ({@link CallDeadlines}) end it
 * by interrupting that thread: the engine's unix socket is a {@code SocketChannel}, which an interrupt
 * closes, so a read blocked on a stalled engine ends at once.
 *
 * <p>The interrupt can land only between the start of the call and {@link #finish()}, and
 * {@link #finish()} clears it: the thread goes back to its own channels (the kernel's ZMQ sockets,
 * which an interrupt would close for good) with no interrupt pending. A call run this way must
 * therefore not write to the console or to any channel of the kernel's own.
 */
final class InterruptibleCall implements Closeable {
    /** Why the call was ended before its answer. */
    enum Ending { STOPPED, TIMED_OUT }

    private final Thread caller = Thread.currentThread();
    private boolean running = true;
    private Ending ending;

    /** The stop button. */
    @Override
    public void close() {
        end(Ending.STOPPED);
    }

    /** Ends the call, if it still runs and nothing ended it yet. */
    synchronized void end(Ending why) {
        if (running && ending == null) {
            ending = why;
            caller.interrupt();
        }
    }

    /**
     * The call is over (on the caller's thread): nothing interrupts it any more, and the interrupt
     * this made, if any, is cleared. Returns why it was ended, or null when nothing ended it.
     */
    Ending finish() {
        Ending why;
        synchronized (this) {
            running = false;
            why = ending;
        }
        if (why != null) {
            Thread.interrupted();
        }
        return why;
    }
}
