/**
 * The Compose file model and nothing else: reading and validating a project's files (YAML,
 * {@code .env}, interpolation, the compose-spec schema, limits on what a file may cost), the
 * {@link io.github.dockerlessons.compose.ComposeProject} they make, its canonical form for
 * {@code docker compose config}, the order of services, and the names and labels Compose gives
 * what it creates.
 *
 * <p>It knows no engine and no command: the steps that act on an engine (networks, volumes, build,
 * pull, create, start, stop, logs) and their panels live with the Compose commands in
 * {@code command.compose}. Before issue 22 they lived here and imported {@code CommandContext},
 * which made this package and the commands one cycle.
 */
package io.github.dockerlessons.compose;
