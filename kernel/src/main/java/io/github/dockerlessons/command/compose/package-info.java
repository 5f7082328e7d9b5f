/**
 * {@code docker compose} and its subcommands, and the engine steps they share:
 * {@code ProjectResources} (networks and volumes), {@code ServiceImages} (build and pull, through
 * docker build's and docker pull's own paths), {@code ProjectContainers} (find, converge, create
 * (run's container model, by {@code ServiceRequest}), start, remove), {@code DependencyWaits},
 * {@code ProjectStopper}, {@link io.github.dockerlessons.command.compose.LogFollower}
 * and {@link io.github.dockerlessons.command.compose.GracefulStop} ({@code up}'s attached logs and
 * its stop on interrupt), and the panels they draw ({@code LogPanel}, {@code ProgressPanel}).
 *
 * <p>The steps live here, beside the only commands that use them, because they run with a
 * {@link io.github.dockerlessons.command.core.CommandContext}; the file model they act on stays in
 * {@code io.github.dockerlessons.compose}, which imports nothing of the commands.
 */
package io.github.dockerlessons.command.compose;
