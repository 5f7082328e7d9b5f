package io.github.dockerlessons.command.context;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.engine.EngineDiscovery;

/**
 * {@code docker context use NAME}: writes currentContext into config.json as the CLI does ("default"
 * removes it). The kernel reads that file before every engine call, so the next command already goes
 * to the new context's engine; under DOCKER_HOST (the pinned "Docker (lessons engine)" kernel) it
 * stays where it is, and says so with the CLI's warning.
 */
public final class ContextUseCommand extends DeclaredCommand {
    public ContextUseCommand() {
        super(CommandSpec.command("context use", "docker context use CONTEXT")
                // cobra.ExactArgs, whose words differ from docker's other commands: checked in run
                .takes(Arity.atLeast(0), Arguments.first(NameKind.CONTEXT)));
    }

    private record Options(String name) {
        static Options of(Invocation in) throws DockerError {
            if (in.args().size() != 1) {
                throw new DockerError(1, "accepts 1 arg(s), received " + in.args().size());
            }
            return new Options(in.arg(0));
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Options options = Options.of(in);
        EngineDiscovery discovery = ctx.discovery();
        try {
            discovery.contexts().use(options.name());
        } catch (ContextError e) {
            throw new DockerError(1, e.getMessage(), "hint.context.use");
        }
        ctx.console().out(options.name() + "\n");
        ctx.console().err("Current context is now \"" + options.name() + "\"\n");
        if (!options.name().equals(DockerContext.DEFAULT_NAME) && !discovery.machine().variable("DOCKER_HOST").isEmpty()) {
            ctx.console().err("Warning: DOCKER_HOST environment variable overrides the active context. To use \""
                    + options.name() + "\", either set the global --context flag, or unset DOCKER_HOST environment variable.\n");
        }
    }
}
