package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.Engine;

import java.util.List;

/** {@code docker compose kill}: a signal (SIGKILL unless -s says otherwise) to the services' running containers. */
public final class ComposeKillCommand extends DeclaredCommand {
    private static final Flag<String> SIGNAL = Flag.string('s', "signal").defaultShownAs("\"SIGKILL\"")
            .completes(CommonFlags.SIGNALS);
    private static final Flag<Boolean> REMOVE_ORPHANS = Flag.bool("remove-orphans");

    public ComposeKillCommand() {
        super(CommandSpec.command("compose kill", "docker compose kill [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(REMOVE_ORPHANS, SIGNAL)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        String signal = in.get(SIGNAL) == null || in.get(SIGNAL).isEmpty() ? "SIGKILL" : in.get(SIGNAL);
        List<ContainerSummary> running = ServiceTargets.of(in, ctx, in.args(), false);
        if (running.isEmpty()) {
            ctx.console().err("No container to kill\n");
            return;
        }
        ServiceTargets.eachReported(ctx, "Killing", running, "Killing", "Killed", "Error while Killing",
                c -> ctx.answer(client -> client.killContainerCmd(Engine.pathSegment(c.getId())).withSignal(signal).exec()));
    }
}
