package io.github.dockerlessons.command.container;

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

/** {@code docker rename}: give a container a new name. */
public final class RenameCommand extends DeclaredCommand {
    public RenameCommand() {
        super(CommandSpec.command("rename", "docker rename CONTAINER NEW_NAME")
                .aliases("docker container rename", "docker rename")
                .takes(Arity.exactly(2), Arguments.first(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        // As the CLI: the daemon's refusal on stderr, then which container could not be renamed.
        try {
            ctx.answer(client -> client.renameContainerCmd(Engine.pathSegment(in.arg(0))).withName(in.arg(1)).exec());
        } catch (DaemonError e) {
            ctx.console().err(e.cliText() + "\n");
            throw new DockerError(1, "Error: failed to rename container named " + in.arg(0));
        }
    }
}
