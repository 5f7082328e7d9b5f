package io.github.dockerlessons.command.core;


import io.github.dockerlessons.engine.DaemonError;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands over several named targets (rm, stop, kill, rmi, ...) as the CLI runs them: each target
 * in turn, each one that succeeds printed as given, and the failures reported together at the end.
 */
public final class Targets {
    private Targets() {
    }

    /** An action on one target; false when it reported the target itself (nothing to echo). */
    @FunctionalInterface
    public interface Action {
        boolean apply(String target) throws DaemonError, InterruptedException, DockerError;
    }

    public static void forEach(CommandContext ctx, List<String> targets, boolean echo, Action action)
            throws DockerError, InterruptedException {
        List<String> errors = new ArrayList<>();
        for (String target : targets) {
            try {
                if (action.apply(target) && echo) {
                    ctx.console().out(target + "\n");
                }
            } catch (DaemonError e) {
                errors.add(e.cliText());
            } catch (DockerError e) {
                if (e.status() == 130 || e.noEngine()) {
                    throw e;
                }
                errors.add(e.cliText());
            }
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors));
        }
    }
}
