package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code docker compose stop}: the services' containers stopped, dependants first; they stay to be started again. */
public final class ComposeStopCommand extends DeclaredCommand {
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");

    public ComposeStopCommand() {
        super(ComposeProjectFlags.forServices("compose stop",
                "docker compose stop [OPTIONS] [SERVICE...]", TIMEOUT));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        ServiceContainers.Found found = ServiceContainers.inStartOrder(in, ctx);
        List<ContainerSummary> order = new ArrayList<>(found.containers());
        Collections.reverse(order);
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Stopping");
        try {
            new ProjectStopper(ctx).stop(order, in.get(TIMEOUT), progress, found.project());
        } finally {
            progress.finish();
        }
    }
}
