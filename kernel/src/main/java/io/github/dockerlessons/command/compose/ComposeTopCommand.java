package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.golang.TabWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker compose top}: the processes of the services' running containers in one table, as
 * Compose 2.27 and later print it: SERVICE and # (the replica) first, then the engine's ps columns,
 * CMD kept right-most, "-" where a container's ps lacked a column.
 */
public final class ComposeTopCommand extends DeclaredCommand {
    public ComposeTopCommand() {
        super(CommandSpec.command("compose top", "docker compose top [SERVICES...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        List<String> header = new ArrayList<>(List.of("SERVICE", "#"));
        List<Map<String, String>> rows = new ArrayList<>();
        for (ContainerSummary c : ServiceTargets.of(in, ctx, in.args(), false)) {
            var top = ctx.answer(client -> client.topContainerCmd(Engine.pathSegment(c.getId())).exec());
            String[] titles = top.getTitles() == null ? new String[0] : top.getTitles();
            for (String title : titles) {
                if (!header.contains(title)) {
                    header.add(title);
                }
            }
            for (String[] process : top.getProcesses() == null ? new String[0][] : top.getProcesses()) {
                Map<String, String> row = new HashMap<>();
                row.put("SERVICE", ServiceTargets.label(c, ComposeNames.SERVICE));
                row.put("#", ServiceTargets.label(c, ComposeNames.CONTAINER_NUMBER));
                for (int i = 0; i < titles.length && i < process.length; i++) {
                    row.put(titles[i], process[i]);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (header.remove("CMD")) {
            header.add("CMD");
        }
        StringBuilder tabbed = new StringBuilder(String.join("\t", header)).append('\n');
        for (Map<String, String> row : rows) {
            tabbed.append(String.join("\t", header.stream().map(h -> row.getOrDefault(h, "-")).toList())).append('\n');
        }
        // Compose's own writer here: minimum width 4, padding 2
        ctx.console().out(new TabWriter(4, 2).format(tabbed.toString()));
    }
}
