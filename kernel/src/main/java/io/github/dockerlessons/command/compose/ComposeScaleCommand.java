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
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code docker compose scale web=3}: the service gets that many containers, started (numbers after
 * its highest when it grows, its highest numbers removed when it shrinks). Compose's scale is its
 * create and start of the named services with their scale set, which is {@code up -d --scale}, and
 * so this hands on to that.
 */
public final class ComposeScaleCommand extends HandingOn {
    private static final Flag<Boolean> NO_DEPS = Flag.bool("no-deps");

    public ComposeScaleCommand(Supplier<CommandRegistry> registry) {
        super(CommandSpec.command("compose scale", "docker compose scale [SERVICE=REPLICAS...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(NO_DEPS)
                .takes(Arity.atLeast(1), ComposeProjectFlags.SCALE_SERVICES), registry);
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, Integer> scale = ServiceScale.parseArgs(in.args());
        List<String> flags = new ArrayList<>(List.of("--detach"));
        if (in.get(NO_DEPS)) {
            flags.add("--no-deps");
        }
        scale.forEach((service, replicas) -> flags.add("--scale=" + service + "=" + replicas));
        handOnToUp(in, flags, new TreeSet<>(scale.keySet()), ctx); // Compose takes the services sorted
    }
}
