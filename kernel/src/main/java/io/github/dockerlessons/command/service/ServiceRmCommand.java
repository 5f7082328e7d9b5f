package io.github.dockerlessons.command.service;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.ArrayList;
import java.util.List;

/** {@code docker service rm}: each service removed is printed as named; the others are reported at the end. */
public final class ServiceRmCommand extends DeclaredCommand {
    public ServiceRmCommand() {
        super(CommandSpec.command("service rm", "docker service rm SERVICE [SERVICE...]")
                .aliases("docker service rm", "docker service remove")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> errors = new ArrayList<>();
        for (String name : in.args()) {
            try {
                SwarmApi.delete(ctx, SwarmApi.path("/services/", name));
                ctx.console().out(name + "\n");
            } catch (DockerError e) {
                if (e.status() == 130) {
                    throw e;
                }
                errors.add(e.cliText());
            }
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors), null);
        }
    }
}
