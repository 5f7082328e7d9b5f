package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.model.Container;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Filters;
import io.github.dockerlessons.command.Templates;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.ContainerTable;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker ps}: the container table (text as the CLI's, HTML for the notebook) or IDs with -q. */
public final class PsCommand extends DockerCommand {
    @Option(names = {"-a", "--all"})
    boolean all;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Option(names = {"-l", "--latest"})
    boolean latest;

    @Option(names = {"-n", "--last"}, paramLabel = "int")
    int last = -1;

    @Option(names = "--no-trunc")
    boolean noTrunc;

    @Option(names = {"-s", "--size"})
    boolean size;

    @Option(names = {"-f", "--filter"}, paramLabel = "filter")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "string")
    String format;

    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String usage() {
        return "docker ps [OPTIONS]";
    }

    @Override
    public Arity arity() {
        return Arity.none();
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container ls", "docker container list", "docker container ps", "docker ps");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        int limit = latest ? 1 : last;
        if (quiet && format != null && !format.isEmpty()) {
            ctx.console().err("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
        }
        boolean templateSize = format != null && !format.isEmpty()
                && Templates.check(() -> ContainerTable.checkFormat(format, ctx.clock().instant()));
        Map<String, List<String>> filter = Filters.parse(filters, this);
        List<Container> containers = engine(ctx, client -> {
            var cmd = client.listContainersCmd().withShowAll(all || limit > 0)
                    .withShowSize(size || !quiet && templateSize);
            if (limit > 0) {
                cmd.withLimit(limit);
            }
            filter.forEach(cmd::withFilter);
            return cmd.exec();
        });
        if (quiet) {
            StringBuilder ids = new StringBuilder();
            for (Container c : containers) {
                ids.append(ContainerTable.id(c.getId(), !noTrunc)).append('\n');
            }
            ctx.console().out(ids.toString());
            return;
        }
        Bundle listing = Templates.render(() -> ContainerTable.bundle(containers, !noTrunc, size, ctx.clock().instant(),
                format == null || format.isEmpty() ? null : format));
        Templates.answer(ctx, listing);
    }
}
