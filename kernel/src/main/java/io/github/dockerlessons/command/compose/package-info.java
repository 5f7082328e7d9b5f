/**
 * {@code docker compose} and its subcommands, and the engine steps they share:
 * {@link io.github.dockerlessons.command.compose.ProjectEngine} (a project's networks, volumes,
 * images and containers on the engine), {@link io.github.dockerlessons.command.compose.LogFollower}
 * and {@link io.github.dockerlessons.command.compose.GracefulStop} ({@code up}'s attached logs and
 * its stop on interrupt), and the panels they draw ({@code LogPanel}, {@code ProgressPanel}).
 *
 * <p>The steps live here, beside the only commands that use them, because they run with a
 * {@link io.github.dockerlessons.command.core.CommandContext}; the file model they act on stays in
 * {@code io.github.dockerlessons.compose}, which imports nothing of the commands.
 */
package io.github.dockerlessons.command.compose;
