/**
 * The table of every docker command the kernel knows:
 * {@link io.github.dockerlessons.commands.DockerCommands#registry()} builds the
 * {@link io.github.dockerlessons.command.core.CommandRegistry} from each command group's classes.
 *
 * <p>It is the one package that imports every command group, so it stands outside the
 * {@code command} family (as docker/cli keeps its {@code AddCommands} in {@code cli/command/commands}):
 * a group never needs the table, and nothing below {@code command} imports upward or back into it.
 * Its users are the kernel's entry point, the check runner ({@code session.CheckRunner}) and tests.
 */
package io.github.dockerlessons.commands;
