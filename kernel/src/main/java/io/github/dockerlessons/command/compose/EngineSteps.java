package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

/** The engine calls of Compose's steps: one per progress line, and a look whether something exists. */
final class EngineSteps {
    private final CommandContext ctx;

    EngineSteps(CommandContext ctx) {
        this.ctx = ctx;
    }

    @FunctionalInterface
    interface Request {
        Object run() throws DaemonError, EngineUnreachable, DockerError, InterruptedException;
    }

    /** One engine step of a progress line: a refusal marks the line "Error" and fails in the daemon's words. */
    void step(ProgressPanel progress, String id, Request request) throws DockerError, InterruptedException {
        try {
            request.run();
        } catch (DaemonError e) {
            progress.error(id, "Error");
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.unreachable(e);
        }
    }

    boolean exists(Request request) throws DockerError, InterruptedException {
        try {
            request.run();
            return true;
        } catch (DaemonError e) {
            if (e.isNotFound()) {
                return false;
            }
            throw DockerError.daemon(e);
        } catch (EngineUnreachable e) {
            throw ctx.unreachable(e);
        }
    }
}
