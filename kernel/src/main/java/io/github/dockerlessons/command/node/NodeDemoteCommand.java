package io.github.dockerlessons.command.node;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker node demote}: managers become workers. */
public final class NodeDemoteCommand extends DeclaredCommand {
    public NodeDemoteCommand() {
        super(CommandSpec.command("node demote", "docker node demote NODE [NODE...]")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.NODE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        NodeUpdates.changeRole(ctx, in.args(), "worker", name -> "Manager " + name + " demoted in the swarm.");
    }
}
