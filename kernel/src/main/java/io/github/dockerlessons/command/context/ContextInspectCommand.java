package io.github.dockerlessons.command.context;

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
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.engine.EngineDiscovery;

import java.util.ArrayList;
import java.util.List;

/** {@code docker context inspect}: contexts as the CLI's JSON; without a name, the current one. */
public final class ContextInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    public ContextInspectCommand() {
        super(CommandSpec.command("context inspect",
                        "docker context inspect [OPTIONS] [CONTEXT] [CONTEXT...]")
                .flags(FORMAT)
                .takes(Arity.atLeast(0), Arguments.each(NameKind.CONTEXT)));
    }

    private record Options(String format, List<String> names) {
        static Options of(Invocation in, String current) {
            return new Options(in.get(FORMAT), in.args().isEmpty() ? List.of(current) : in.args());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        EngineDiscovery discovery = ctx.discovery();
        Options options = Options.of(in, discovery.currentContextName());
        List<String> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : options.names()) {
            try {
                DockerContext context = name.equals(DockerContext.DEFAULT_NAME) ? discovery.defaultContext()
                        : discovery.contexts().read(name);
                objects.add(ContextJson.of(context));
            } catch (ContextError e) {
                errors.add(e.getMessage());
            }
        }
        Inspection.answer(ctx, objects, errors, options.format());
    }
}
