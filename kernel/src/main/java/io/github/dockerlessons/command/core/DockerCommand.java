package io.github.dockerlessons.command.core;

import io.github.dockerlessons.engine.DaemonError;

/**
 * One docker subcommand, as docker/cli keeps one file per command: it declares itself in a
 * {@link CommandSpec} (usage, flags, what its arguments name) and runs an {@link Invocation} with the
 * options it builds from it for that run alone. Commands hold no state between runs, so any two can
 * run at once; all formatting lives in the render package. A command is written as a
 * {@link DeclaredCommand}, which declares the spec in its constructor and answers spec() for it.
 */
public interface DockerCommand {
    CommandSpec spec();

    /**
     * Runs the command. An engine refusal it does not handle itself may leave as a DaemonError: the
     * registry prints it in the daemon's words, status 1, as the CLI does.
     */
    void run(Invocation invocation, CommandContext ctx) throws DockerError, DaemonError, InterruptedException;
}
