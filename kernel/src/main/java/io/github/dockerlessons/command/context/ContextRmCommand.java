package io.github.dockerlessons.command.context;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.DockerContext;

import java.util.List;

/**
 * {@code docker context rm}: removes stored contexts. The one in use only with -f, which also drops
 * currentContext from config.json (the kernel then follows the default); "default" never.
 */
public final class ContextRmCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public ContextRmCommand() {
        super(CommandSpec.command("context rm", "docker context rm CONTEXT [CONTEXT...]")
                .aliases("docker context rm", "docker context remove")
                .flags(FORCE)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.CONTEXT)));
    }

    private record Options(boolean force, List<String> names) {
        static Options of(Invocation in) {
            return new Options(in.get(FORCE), in.args());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Options options = Options.of(in);
        ContextStore store = ctx.discovery().contexts();
        String current = ctx.discovery().currentContextName();
        Targets.forEach(ctx, options.names(), true, name -> {
            if (name.equals(DockerContext.DEFAULT_NAME)) {
                throw new DockerError(1, "context \"default\" cannot be removed");
            }
            try {
                if (name.equals(current)) {
                    if (!options.force()) {
                        throw new DockerError(1, "context \"" + name + "\" is in use, set -f flag to force remove");
                    }
                    store.resetCurrentContext();
                }
                if (!options.force() && !store.exists(name)) {
                    throw new DockerError(1, "context \"" + name + "\" does not exist");
                }
                store.remove(name);
            } catch (ContextError e) {
                throw new DockerError(1, e.getMessage());
            }
            return true;
        });
    }
}
