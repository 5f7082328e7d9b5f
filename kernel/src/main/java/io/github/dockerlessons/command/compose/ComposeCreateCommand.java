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
    private static final Flag<List<String>> SCALE = Flag.list("scale").shownAs("scale");
    private static final List<Flag<Boolean>> HANDED_ON = List.of(BUILD, FORCE_RECREATE, NO_BUILD, NO_RECREATE,
            REMOVE_ORPHANS);

    public ComposeCreateCommand(Supplier<CommandRegistry> registry) {
        super(CommandSpec.command("compose create", "docker compose create [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(BUILD, FORCE_RECREATE, NO_BUILD, NO_RECREATE, REMOVE_ORPHANS, SCALE)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES), registry);
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> flags = new ArrayList<>(List.of("--no-start"));
        for (Flag<Boolean> flag : HANDED_ON) {
            if (in.get(flag)) {
                flags.add("--" + flag.name());
            }
        }
        in.get(SCALE).forEach(scale -> flags.add("--scale=" + scale));
        handOnToUp(in, flags, in.args(), ctx);
    }
}
