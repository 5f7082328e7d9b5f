package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;

/** {@code docker create}: a container made from an image, not started; prints its full ID. */
public final class CreateCommand extends DeclaredCommand {
    public CreateCommand() {
        super(CommandSpec.command("create", "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]")
                .aliases("docker container create", "docker create")
                .flags(ContainerOptions.FLAGS)
                .takes(Arity.atLeast(1), Arguments.first(NameKind.IMAGE))
                .flagsEndAtFirstArgument());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ContainerOptions options;
        try {
            options = ContainerOptions.of(in);
        } catch (InvalidOptions e) {
            throw e.beforeParsing() ? new DockerError(1, e.getMessage())
                    : new DockerError(125, "docker: " + e.getMessage() + "\n\nRun 'docker create --help' for more "
                    + "information", "hint.see.help", "docker create");
        }
        try {
            // Created for a later `start -a`, so the streams are attachable, as the CLI does.
            String id = ContainerCreator.create(ctx, options, in.arg(0), in.argsFrom(1), false);
            ctx.console().out(id + "\n");
        } catch (InvalidOptions e) {
            throw new DockerError(1, e.getMessage());
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
    }
}
