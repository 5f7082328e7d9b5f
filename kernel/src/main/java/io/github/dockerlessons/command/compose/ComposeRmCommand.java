package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.Engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code docker compose rm}: the services' stopped containers removed, after Compose's question
 * "Going to remove ..." (answered by the cell's heredoc, no answer meaning no) unless -f; -s stops
 * them first, -v takes their anonymous volumes too.
 */
public final class ComposeRmCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");
    private static final Flag<Boolean> STOP = Flag.bool('s', "stop");
    private static final Flag<Boolean> VOLUMES = Flag.bool('v', "volumes");
    private static final Flag<Boolean> ALL = Flag.bool('a', "all").hidden();

    public ComposeRmCommand() {
        super(CommandSpec.command("compose rm", "docker compose rm [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN_WITHOUT_F)
                .flags(ALL, FORCE, STOP, VOLUMES)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        List<ContainerSummary> containers = ServiceTargets.of(in, ctx, in.args(), true);
        if (in.get(STOP)) {
            List<ContainerSummary> order = new ArrayList<>(containers);
            Collections.reverse(order);
            ProgressPanel stopping = new ProgressPanel(ctx.console(), "Stopping");
            try {
                new ProjectStopper(ctx).stop(order, null, stopping, null);
            } finally {
                stopping.finish();
            }
        }
        List<ContainerSummary> stopped = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ContainerSummary c : containers) {
            Boolean running;
            try {
                // the listing's state may be stale (Compose inspects for the same reason)
                running = ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(c.getId())).exec())
                        .getState().getRunning();
            } catch (DockerError e) {
                if (e.cliText().contains("No such container")) {
                    continue; // removed meanwhile, by --rm for one
                }
                throw e;
            }
            if (!Boolean.TRUE.equals(running)) {
                stopped.add(c);
                names.add(ProjectContainers.name(c));
            }
        }
        if (stopped.isEmpty()) {
            ctx.console().err("No stopped containers\n");
            return;
        }
        String question = "Going to remove " + String.join(", ", names);
        if (in.get(FORCE)) {
            ctx.console().out(question + "\n");
        } else if (!confirmed(ctx, question)) {
            return;
        }
        boolean volumes = in.get(VOLUMES);
        boolean force = in.get(FORCE);
        ServiceTargets.eachReported(ctx, "Removing", stopped, "Removing", "Removed", "Error",
                c -> ctx.answer(client -> client.removeContainerCmd(Engine.pathSegment(c.getId()))
                        .withRemoveVolumes(volumes).withForce(force).exec()));
    }

    /** Compose's yes/no question; the answer is the heredoc's first line, as a terminal's typed line. */
    private static boolean confirmed(CommandContext ctx, String question) {
        ctx.console().out("? " + question + " (y/N) ");
        String answer = ctx.heredoc() == null ? ""
                : new String(ctx.heredoc(), StandardCharsets.UTF_8).split("\n", 2)[0].strip().toLowerCase();
        ctx.console().out((answer.isEmpty() ? "N" : answer) + "\n");
        return answer.equals("y") || answer.equals("yes");
    }
}
