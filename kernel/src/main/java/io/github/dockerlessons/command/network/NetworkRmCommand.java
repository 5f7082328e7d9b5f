package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker network rm}: remove networks, reporting the ones that could not be removed at the end. */
public final class NetworkRmCommand extends DeclaredCommand {

    public NetworkRmCommand() {
        super(CommandSpec.command("network rm", "docker network rm NETWORK [NETWORK...]")
                .aliases("docker network rm", "docker network remove")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.NETWORK)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        // As the CLI's network rm: each refusal on stderr as it happens, and then only the status,
        // which the CLI (28.x) prints as "exit status 1" (a StatusError without words).
        boolean failed = false;
        for (String target : in.args()) {
            try {
                ctx.answer(client -> {
                    client.removeNetworkCmd(Engine.pathSegment(target)).exec();
                    return null;
                });
                ctx.console().out(target + "\n");
            } catch (DaemonError e) {
                ctx.console().err(e.cliText() + "\n");
                failed = true;
            }
        }
        if (failed) {
            throw new DockerError(1, "exit status 1");
        }
    }
}
