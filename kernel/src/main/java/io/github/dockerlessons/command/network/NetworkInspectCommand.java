package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Inspection;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker network inspect}: the engine's JSON of each network, or a template over it. */
public final class NetworkInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public NetworkInspectCommand() {
        super(CommandSpec.command("network inspect", "docker network inspect [OPTIONS] NETWORK [NETWORK...]")
                .flags(FORMAT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.NETWORK)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Inspection.inspectAll(ctx, in.args(), "/networks/", in.get(FORMAT));
    }
}
