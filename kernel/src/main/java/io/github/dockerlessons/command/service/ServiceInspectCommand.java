package io.github.dockerlessons.command.service;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.core.Inspection;

/** {@code docker service inspect SERVICE...}: the engine's JSON of each service, or a template over it. */
public final class ServiceInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public ServiceInspectCommand() {
        super(CommandSpec.command("service inspect",
                        "docker service inspect [OPTIONS] SERVICE [SERVICE...]")
                .flags(FORMAT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Inspection.inspectAll(ctx, in.args(), "/services/", in.get(FORMAT));
    }
}
