package io.github.dockerlessons.command.swarm;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

/** {@code docker swarm leave [-f]}: this engine leaves its swarm (a manager only with --force). */
public final class SwarmLeaveCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public SwarmLeaveCommand() {
        super(CommandSpec.command("swarm leave", "docker swarm leave [OPTIONS]")
                .flags(FORCE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        SwarmApi.post(ctx, "/swarm/leave?force=" + in.get(FORCE), null);
        ctx.console().out("Node left the swarm.\n");
    }
}
