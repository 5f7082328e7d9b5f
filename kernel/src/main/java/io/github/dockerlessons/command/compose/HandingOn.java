package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A compose subcommand that does its work by running another command of the registry (cp runs
 * docker cp, create runs compose up --no-start, wait --down-project runs compose down), so the two
 * behave the same by construction.
 */
abstract class HandingOn extends DeclaredCommand {
    private final Supplier<CommandRegistry> registry;

    /** @param registry the registry this command is part of (built after it, hence the supplier) */
    HandingOn(CommandSpec.Builder spec, Supplier<CommandRegistry> registry) {
        super(spec);
        this.registry = registry;
    }

    /** Runs {@code argv} (without "docker") as a cell would, in this command's context. */
    final void handOn(List<String> argv, CommandContext ctx) throws DockerError, InterruptedException {
        registry.get().dispatch(argv, ctx);
    }

    /** Runs {@code compose up} with the project flags {@code in} was given, then {@code flags}, on {@code services}. */
    final void handOnToUp(Invocation in, List<String> flags, Collection<String> services, CommandContext ctx)
            throws DockerError, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("compose", "up"));
        argv.addAll(ServiceTargets.projectWords(in));
        argv.addAll(flags);
        argv.add("--");
        argv.addAll(services);
        handOn(argv, ctx);
    }
}
