package io.github.dockerlessons.command.context;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.ContextError;
import io.github.dockerlessons.engine.DockerContext;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;

import java.util.ArrayList;
import java.util.List;

/** {@code docker context ls}: the default context and every stored one, the current one starred. */
public final class ContextLsCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = CommonFlags.format("Name", "Description", "DockerEndpoint", "Current", "Error");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    public ContextLsCommand() {
        super(CommandSpec.command("context ls", "docker context ls [OPTIONS]")
                .aliases("docker context ls", "docker context list")
                .flags(FORMAT, QUIET));
    }

    private record Options(String format, boolean quiet) {
        static Options of(Invocation in) {
            return new Options(in.get(FORMAT), in.get(QUIET));
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Options options = Options.of(in);
        EngineDiscovery discovery = ctx.discovery();
        List<DockerContext> contexts;
        try {
            contexts = discovery.listContexts();
        } catch (ContextError e) {
            throw new DockerError(1, e.getMessage(), "hint.context.store");
        }
        String current = discovery.currentContextName();
        if (contexts.stream().noneMatch(c -> c.name().equals(current))) {
            // As the CLI: a current context that cannot be read is listed, starred, with the reason.
            contexts = new ArrayList<>(contexts);
            contexts.add(DockerContext.unreadable(current, String.valueOf(discovery.unreadable(current))));
        }
        if (options.quiet()) {
            StringBuilder out = new StringBuilder();
            contexts.forEach(c -> out.append(c.name()).append('\n'));
            ctx.console().out(out.toString());
        } else {
            List<FieldContext> rows = new ArrayList<>();
            contexts.forEach(c -> rows.add(ContextFields.of(c, c.name().equals(current))));
            String format = options.format() == null || options.format().isEmpty() || options.format().equals("table")
                    ? ContextFields.DEFAULT_TABLE : options.format();
            Templates.answer(ctx, Templates.render(() -> ListingFormat.render(format, rows, ContextFields.empty(), null)));
        }
        if (!discovery.machine().variable("DOCKER_HOST").isEmpty()) {
            ctx.console().err("Warning: DOCKER_HOST environment variable overrides the active context. To use a "
                    + "context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n");
        }
    }
}
