package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.session.Session;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The session, built on a thread of its own once the first kernel_info_reply is out (or as soon as
 * another request needs it). Building it (the message bundle, the engine's configuration, the
 * commands' registry) takes a core for about 250 ms; on a two-core machine, running it beside the
 * path to the first reply (the sockets, the signer, the reply) made that reply later.
 */
public final class PendingSession {
    private final FutureTask<Session> build;
    private final Thread thread;

    public PendingSession(Callable<Session> builder) {
        this.build = new FutureTask<>(builder);
        this.thread = new Thread(() -> {
            build.run();
            try {
                build.get();
            } catch (ExecutionException | InterruptedException e) {
                // A kernel without a session cannot serve: one line for the server's log, and Jupyter
                // says the kernel died.
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                System.err.println("docker kernel: the session could not be built: "
                        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
                Runtime.getRuntime().halt(1);
            }
        }, "session-build");
    }

    /** Starts the build, once. */
    synchronized void start() {
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
    }

    /** The session: starts the build if no one has, and waits for it. */
    Session get() throws InterruptedException, ExecutionException {
        start();
        return build.get();
    }

    boolean isDone() {
        return build.isDone();
    }
}
