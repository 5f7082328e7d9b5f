package io.github.dockerlessons.command.context;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;

/**
 * {@code docker context show}: the context the CLI would use here, and so the kernel: "default" under
 * DOCKER_HOST, else DOCKER_CONTEXT, else currentContext in config.json.
 */
public final class ContextShowCommand extends DeclaredCommand {
    public ContextShowCommand() {
        super(CommandSpec.command("context show", "docker context show"));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ctx.console().out(ctx.discovery().currentContextName() + "\n");
    }
}
