package io.github.dockerlessons.jupyter;

import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When the kernel process ends, as ipykernel decides it: when its parent (the notebook server or
 * client that started it, JPY_PARENT_PID) is gone, within about a second; when it is told to shut
 * down, within two seconds even if a cell is still running; and at once after an error that leaves
 * the JVM unsound, so that the frontend sees a dead kernel and offers a restart.
 */
final class KernelLifecycle {
    private static final Logger LOG = Logger.getLogger("DockerKernel.Lifecycle");
    /** How often the parent is looked at. */
    private static final long PARENT_POLL_MS = 1000;
    /** After a shutdown request, how long the process may take to end on its own. */
    private static final long SHUTDOWN_DEADLINE_MS = 1500;
    /** Set once the process exits the ordinary way: the deadline must not cut that short. */
    private static volatile boolean exiting;

    private KernelLifecycle() {
    }

    /**
     * Watches the parent named by JPY_PARENT_PID (or, without it, the process that started this one)
     * and ends this process when it is gone: a killed client must not leave its kernel running.
     */
    static void watchParent(Map<String, String> env) {
        long named = parse(env.get("JPY_PARENT_PID"));
        Optional<ProcessHandle> started = ProcessHandle.current().parent();
        long original = started.map(ProcessHandle::pid).orElse(-1L);
        if (named <= 1 && original <= 1) {
            return;
        }
        Thread watcher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PARENT_POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                boolean namedGone = named > 1 && ProcessHandle.of(named).map(p -> !p.isAlive()).orElse(true);
                long now = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
                boolean reparented = original > 1 && now != original;
                if (namedGone || reparented) {
                    LOG.warning("The parent process is gone; the kernel ends");
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** After a shutdown request: the process ends within the deadline whatever is still running. */
    static void endSoon() {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_DEADLINE_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (!exiting) {
                Runtime.getRuntime().halt(0);
            }
        }, "shutdown-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /**
     * The ordinary end, once the channels are closed. A JVM asked to write a class archive at exit
     * (install/cds-archive's training) takes its time here, and the shutdown deadline lets it.
     */
    static void exit(int status) {
        exiting = true;
        System.exit(status);
    }

    /** A thread of the kernel died of an error that leaves the JVM unsound: end now. */
    static void installFatalHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "Uncaught in " + thread.getName(), error);
            if (FailureReplies.isFatal(error)) {
                haltAfterFatal(error);
            }
        });
    }

    static void haltAfterFatal(Throwable error) {
        try {
            LOG.log(Level.SEVERE, "The kernel cannot go on after this error and ends", error);
        } finally {
            Runtime.getRuntime().halt(3);
        }
    }

    private static long parse(String pid) {
        try {
            return pid == null ? -1 : Long.parseLong(pid.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
