package io.github.dockerlessons.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;

/**
 * When the kernel process ends, as ipykernel decides it: when its parent (the notebook server or
 * client that started it, JPY_PARENT_PID) is gone, within about a second; when it is told to shut
 * down, within two seconds even if a cell is still running; and at once after an error that leaves
 * the JVM unsound, so that the frontend sees a dead kernel and offers a restart. The end actions
 * (a running cell's foreground containers end with the kernel) run however it ends but the halt
 * after a fatal error.
 */
final class KernelLifecycle {
    private static final Logger LOG = Logger.getLogger("DockerKernel.Lifecycle");
    /** How often the parent is looked at. */
    private static final long PARENT_POLL_MS = 1000;
    /** After a shutdown request, how long the process may take to end on its own. */
    private static final long SHUTDOWN_DEADLINE_MS = 1500;
    /** How long the end actions may hold up the process's end (the parent's death promises 5 s). */
    private static final long END_ACTIONS_MS = 2000;
    private static final List<Runnable> END_ACTIONS = new ArrayList<>();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean END_ACTIONS_RUN = new AtomicBoolean();
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
                    runEndActions();
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * What must happen however the process ends: on exit and SIGTERM (a JVM shutdown hook), and
     * before the halt when the parent is gone. Bounded by {@link #END_ACTIONS_MS}.
     */
    static void onEnd(Runnable action) {
        synchronized (END_ACTIONS) {
            END_ACTIONS.add(action);
        }
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(KernelLifecycle::runEndActions, "kernel-end-actions"));
        }
    }

    /** Runs the end actions once, at most {@link #END_ACTIONS_MS} in all. */
    private static void runEndActions() {
        if (!END_ACTIONS_RUN.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> actions;
        synchronized (END_ACTIONS) {
            actions = new ArrayList<>(END_ACTIONS);
        }
        Thread runner = new Thread(() -> {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "An action at the kernel's end failed", e);
                }
            }
        }, "kernel-end");
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(END_ACTIONS_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
     * (a kernelspec given -XX:ArchiveClassesAtExit) takes its time here, and the shutdown deadline lets it.
     */
    static void exit(int status) {
        exiting = true;
        System.exit(status);
    }

    /**
     * SIGINT is the stop button, as ipykernel takes it: jupyter_client sends it to the kernel's process
     * group when a kernelspec says interrupt_mode "signal", and a terminal's Ctrl-C sends it to a kernel
     * started in its foreground. The JVM's own handler would end the kernel instead (exit 130).
     * sun.misc.Signal is the JDK's supported way (module jdk.unsupported) to replace that handler.
     */
    static void onInterruptSignal(Runnable action) {
        try {
            Signal.handle(new Signal("INT"), signal -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // -Xrs, or a VM that keeps SIGINT to itself: the JVM's handler stays
            LOG.log(Level.FINE, "SIGINT stays the JVM's", e);
        }
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
