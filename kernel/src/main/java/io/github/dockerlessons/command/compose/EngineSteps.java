package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.engine.DaemonError;

import java.util.Collection;
import java.util.LinkedHashSet;

/** The engine calls of Compose's steps: one per progress line, and a look whether something exists. */
final class EngineSteps {
    private final CommandContext ctx;

    EngineSteps(CommandContext ctx) {
        this.ctx = ctx;
    }

    @FunctionalInterface
    interface Request {
        Object run() throws DaemonError, DockerError, InterruptedException;
    }

    /** One engine step of a progress line: a refusal marks the line "Error" and fails in the daemon's words. */
    void step(ProgressPanel progress, String id, Request request) throws DockerError, InterruptedException {
        try {
            request.run();
        } catch (DaemonError e) {
            progress.error(id, "Error");
            throw DockerError.daemon(e);
        }
    }

    /** Whether the engine has the thing a lookup asks about (it answers 404 when not). */
    boolean exists(Request request) throws DockerError, InterruptedException {
        return found(request::run) != null;
    }

    /** An engine call that answers what it found. */
    @FunctionalInterface
    interface Lookup<T> {
        T run() throws DaemonError, DockerError, InterruptedException;
    }

    /** What a lookup answers, or null when the engine has no such thing (404). */
    <T> T found(Lookup<T> lookup) throws DockerError, InterruptedException {
        try {
            return lookup.run();
        } catch (DaemonError e) {
            if (e.isNotFound()) {
                return null;
            }
            throw DockerError.daemon(e);
        }
    }

    /** An engine call about one named thing (a network, a volume, an image). */
    @FunctionalInterface
    interface NamedRequest {
        Object run(String name) throws DaemonError, DockerError, InterruptedException;
    }

    /**
     * Removes things by engine name as down does: one that is gone already is skipped, each other
     * is reported on its line ("Network web_default Removing", then "Removed").
     */
    void removeEach(ProgressPanel progress, String kind, Collection<String> names, NamedRequest inspect,
                    NamedRequest remove) throws DockerError, InterruptedException {
        for (String name : new LinkedHashSet<>(names)) {
            if (!exists(() -> inspect.run(name))) {
                continue;
            }
            String id = kind + " " + name;
            progress.working(id, "Removing");
            step(progress, id, () -> remove.run(name));
            progress.done(id, "Removed");
        }
    }

    /**
     * Creates a network or volume the engine lacks, reported on its line ("Creating", then
     * "Created"); an external one is never created: {@code externalMissing} is the error when it is
     * missing, null for one the project owns.
     */
    void createIfMissing(ProgressPanel progress, String kind, String name, String externalMissing,
                         NamedRequest inspect, NamedRequest create) throws DockerError, InterruptedException {
        if (exists(() -> inspect.run(name))) {
            return;
        }
        if (externalMissing != null) {
            throw new DockerError(1, externalMissing);
        }
        String id = kind + " " + name;
        progress.working(id, "Creating");
        step(progress, id, () -> create.run(name));
        progress.done(id, "Created");
    }
}
