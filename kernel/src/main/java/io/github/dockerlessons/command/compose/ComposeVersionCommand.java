package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;

/** {@code docker compose version}: the Compose version the kernel speaks (it reads no project file). */
public final class ComposeVersionCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");
    private static final Flag<Boolean> SHORT = Flag.bool("short");

    public ComposeVersionCommand() {
        super(CommandSpec.command("compose version", "docker compose version [OPTIONS]")
                .flags(ComposeProjectFlags.HIDDEN_WITHOUT_F)
                .flags(FORMAT, SHORT)
                .arity(Arity.exactly(0)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError {
        String version = "v" + ComposeNames.COMPOSE_VERSION;
        if (in.get(SHORT)) {
            ctx.console().out(ComposeNames.COMPOSE_VERSION + "\n");
        } else if ("json".equals(in.get(FORMAT))) {
            ctx.console().out("{\"version\":\"" + version + "\"}\n");
        } else {
            ctx.console().out("Docker Compose version " + version + "\n");
        }
    }
}
