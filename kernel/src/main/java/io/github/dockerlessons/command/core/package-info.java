/**
 * What every docker command is made of, shared by the command groups beside it
 * ({@code command.container}, {@code command.image}, {@code command.compose}...): the
 * {@link io.github.dockerlessons.command.core.DockerCommand} interface and its
 * {@link io.github.dockerlessons.command.core.CommandSpec}, the
 * {@link io.github.dockerlessons.command.core.CommandContext} a run gets, the CLI's errors, usage
 * and help, and the {@link io.github.dockerlessons.command.core.CommandRegistry} that finds a command
 * by the words typed.
 *
 * <p>Why a sibling and not the parent {@code command} package: a command group that imports its
 * own ancestor while the ancestor builds the table of every group makes one package cycle of them
 * all (issue 22 measured 11 packages in it and 557 imports running upward, with
 * {@code install/code-figures}). Here the groups import a sibling, this package imports no group,
 * and the table of every command lives apart in {@code io.github.dockerlessons.commands}.
 * {@code command} itself holds no class: it only names the family.
 */
package io.github.dockerlessons.command.core;
