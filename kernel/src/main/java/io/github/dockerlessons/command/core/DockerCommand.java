package io.github.dockerlessons.command.core;

/**
 * One docker subcommand, as docker/cli keeps one file per command: it declares itself in a
 * {@link CommandSpec} (usage, flags, what its arguments name) and runs an {@link Invocation} with the
 * options it builds from it for that run alone. Commands hold no state between runs, so any two can
 * run at once; all formatting lives in the render package.
 */
public interface DockerCommand {
    CommandSpec spec();

    void run(Invocation invocation, CommandContext ctx) throws DockerError, InterruptedException;
}
