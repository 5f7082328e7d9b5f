package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;

/** {@code docker compose start}: the services' existing containers started, dependencies first. */
public final class ComposeStartCommand extends DeclaredCommand {
    public ComposeStartCommand() {
        super(ComposeProjectFlags.forServices("compose start",
                "docker compose start [SERVICE...]"));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        ServiceContainers.Found found = ServiceContainers.inStartOrder(in, ctx);
        if (found.containers().isEmpty()) {
            throw new DockerError(1, in.args().isEmpty() ? "no containers to start"
                    : "service \"" + in.arg(0) + "\" has no container to start", "hint.compose.up.first");
        }
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Running");
        try {
            ProjectContainers containers = new ProjectContainers(ctx);
            for (ContainerSummary c : found.containers()) {
                containers.start(c.getId(), ProjectContainers.name(c), progress);
            }
        } finally {
            progress.finish();
        }
    }
}
