package io.github.dockerlessons.command.container;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.ContainerTable;

import java.util.List;
import java.util.Map;

/** {@code docker ps}: the container table (text as the CLI's, HTML for the notebook) or IDs with -q. */
public final class PsCommand extends DeclaredCommand {
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> LATEST = Flag.bool('l', "latest");
    private static final Flag<Integer> LAST = Flag.integer('n', "last", -1);
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<Boolean> SIZE = Flag.bool('s', "size");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("ancestor", "before", "exited", "health", "id",
            "label", "name", "network", "since", "status", "volume");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Image", "Command", "RunningFor", "Status",
            "Ports", "Names", "Labels", "Mounts", "Networks", "State", "Size", "CreatedAt");

    public PsCommand() {
        super(CommandSpec.command("ps", "docker ps [OPTIONS]")
                .aliases("docker container ls", "docker container list", "docker container ps", "docker ps")
                .flags(ALL, FILTER, FORMAT, LAST, LATEST, NO_TRUNC, QUIET, SIZE));
    }

    /** docker/cli's psOptions, one per run. */
    record Options(boolean all, boolean quiet, int last, boolean noTrunc, boolean size, Map<String, List<String>> filters,
                   String format) {
        static Options of(Invocation in) throws DockerError {
            int last = in.get(LATEST) ? 1 : in.get(LAST);
            String format = in.get(FORMAT);
            return new Options(in.get(ALL) || last > 0, in.get(QUIET), last, in.get(NO_TRUNC), in.get(SIZE),
                    Filters.parse(in.get(FILTER), in), format == null || format.isEmpty() ? null : format);
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = Options.of(in);
        if (o.quiet() && o.format() != null) {
            ctx.console().err("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
        }
        // As the CLI: a template is checked before the listing, and one that shows .Size asks for sizes.
        boolean templateSize = o.format() != null
                && Templates.check(() -> ContainerTable.checkFormat(o.format(), ctx.clock().instant()));
        boolean sizes = o.size() || !o.quiet() && templateSize;
        Map<String, List<String>> filters = ctx.scoped(o.filters());
        var request = ContainerSummary.list(o.all(), sizes, o.last(), filters);
        List<ContainerSummary> containers = sizes
                ? ctx.untilDone(null, request) // sizes can take the engine a long while
                : ctx.read(request);
        if (o.quiet()) {
            StringBuilder ids = new StringBuilder();
            for (ContainerSummary c : containers) {
                ids.append(ContainerTable.id(c.getId(), !o.noTrunc())).append('\n');
            }
            ctx.console().out(ids.toString());
            return;
        }
        Bundle listing = Templates.render(() -> ContainerTable.bundle(containers, !o.noTrunc(), o.size(),
                ctx.clock().instant(), o.format()));
        Templates.answer(ctx, listing);
    }
}
