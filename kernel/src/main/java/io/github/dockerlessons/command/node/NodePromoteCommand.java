package io.github.dockerlessons.command.node;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;

/** {@code docker node promote}: workers become managers. */
public final class NodePromoteCommand implements DockerCommand {
    private static final CommandSpec SPEC = CommandSpec.command("node promote", "docker node promote NODE [NODE...]")
            .arity(Arity.atLeast(1))
            .arguments(Arguments.each(NameKind.NODE))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        NodeUpdates.update(ctx, in.args(), (node, spec) -> {
            if (SwarmApi.text(spec, "Role").equals("manager")) {
                ctx.console().out("Node " + SwarmApi.text(node, "ID") + " is already a manager.\n");
                return false;
            }
            spec.addProperty("Role", "manager");
            return true;
        }, name -> "Node " + name + " promoted to a manager in the swarm.");
    }
}
