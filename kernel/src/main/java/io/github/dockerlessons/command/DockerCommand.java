package io.github.dockerlessons.command;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.EngineUnreachable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * One docker subcommand: its flags as picocli options on the subclass, its arguments in
 * {@link #args}, and what it does in {@link #execute}. One class per subcommand, as docker/cli keeps
 * one file per command; all formatting lives in the render package.
 */
public abstract class DockerCommand {

    @Option(names = "--help", usageHelp = true, descriptionKey = "help")
    protected boolean help;

    @Parameters(arity = "0..*", paramLabel = "ARG", hidden = true)
    protected List<String> args = new ArrayList<>();

    /** The name after "docker". */
    public abstract String name();

    /** The CLI's usage line after "Usage:  ", word for word. */
    public abstract String usage();

    public abstract Arity arity();

    /** Other ways to call this command, as its help lists them (the canonical one last). */
    public List<String> aliases() {
        return List.of();
    }

    /**
     * run, create and exec stop reading flags at the image or container: what follows belongs to
     * the container's command ({@code docker run busybox ls -la}).
     */
    public boolean flagsEndAtFirstArgument() {
        return false;
    }

    public abstract void execute(CommandContext ctx) throws DockerError, InterruptedException;

    // ------------------------------------------------------------ helpers for subclasses

    /** Runs an engine call; an engine error fails the command with status 1 in the daemon's words. */
    protected static <T> T engine(CommandContext ctx, EngineGateway.Call<T> call)
            throws DockerError, InterruptedException {
        try {
            return ctx.engine().call(call);
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
    }

    protected static DockerError unreachable(EngineUnreachable e) {
        return new DockerError(1, e.getMessage(), e.hintKey(), e.hintArgs());
    }

    /** An action on one of several named targets; false when it reported the target itself. */
    @FunctionalInterface
    protected interface TargetAction {
        boolean apply(String target) throws DaemonError, EngineUnreachable, InterruptedException, DockerError;
    }

    /**
     * Applies {@code action} to each target in turn, printing each one that succeeds, and goes on
     * past failures: the errors are reported together at the end, as rm, stop, kill and rmi do.
     */
    protected static void forEachTarget(CommandContext ctx, List<String> targets, boolean echo, TargetAction action)
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
                errors.add(e.cliText());
            } catch (EngineUnreachable e) {
                throw unreachable(e);
            }
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors));
        }
    }
}
