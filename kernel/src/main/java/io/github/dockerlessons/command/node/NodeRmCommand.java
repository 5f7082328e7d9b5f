package io.github.dockerlessons.command.node;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.command.core.Targets;

/** {@code docker node rm [-f]}: nodes leave the swarm's list; each removed one printed as named. */
public final class NodeRmCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public NodeRmCommand() {
        super(CommandSpec.command("node rm", "docker node rm [OPTIONS] NODE [NODE...]")
                .aliases("docker node rm", "docker node remove")
                .flags(FORCE)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.NODE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Targets.forEach(ctx, in.args(), true, name -> {
            SwarmApi.delete(ctx, SwarmApi.path("/nodes/", name) + "?force=" + in.get(FORCE));
            return true;
        });
    }
}
