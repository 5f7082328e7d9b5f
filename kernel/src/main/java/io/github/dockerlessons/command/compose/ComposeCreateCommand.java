package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code docker compose create}: the services' networks, volumes and containers made, nothing
 * started; Compose's own create is up without the start, and so is this one
 * ({@code compose up --no-start}), so both make containers the same way.
 */
public final class ComposeCreateCommand extends HandingOn {
    private static final Flag<Boolean> BUILD = Flag.bool("build");
    private static final Flag<Boolean> NO_BUILD = Flag.bool("no-build");
    private static final Flag<Boolean> FORCE_RECREATE = Flag.bool("force-recreate");
    private static final Flag<Boolean> NO_RECREATE = Flag.bool("no-recreate");
    private static final Flag<Boolean> REMOVE_ORPHANS = Flag.bool("remove-orphans");
    private static final List<Flag<Boolean>> HANDED_ON = List.of(BUILD, FORCE_RECREATE, NO_BUILD, NO_RECREATE,
            REMOVE_ORPHANS);

    public ComposeCreateCommand(Supplier<CommandRegistry> registry) {
        super(CommandSpec.command("compose create", "docker compose create [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(BUILD, FORCE_RECREATE, NO_BUILD, NO_RECREATE, REMOVE_ORPHANS)
                .arity(Arity.atLeast(0)), registry);
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("compose", "up", "--no-start"));
        argv.addAll(ServiceTargets.projectWords(in));
        for (Flag<Boolean> flag : HANDED_ON) {
            if (in.get(flag)) {
                argv.add("--" + flag.name());
            }
        }
        argv.addAll(in.args());
        handOn(argv, ctx);
    }
}
