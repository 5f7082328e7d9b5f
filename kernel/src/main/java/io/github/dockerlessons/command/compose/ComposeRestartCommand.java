package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;

/** {@code docker compose restart}: each of the services' containers restarted, dependencies first. */
public final class ComposeRestartCommand extends DeclaredCommand {
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");
    private static final Flag<Boolean> NO_DEPS = Flag.bool("no-deps");

    public ComposeRestartCommand() {
        super(ComposeProjectFlags.forServices("compose restart",
                "docker compose restart [OPTIONS] [SERVICE...]", NO_DEPS, TIMEOUT));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        ServiceContainers.Found found = ServiceContainers.inStartOrder(in, ctx);
        Integer timeout = in.get(TIMEOUT);
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Restarting");
        try {
            for (ContainerSummary c : found.containers()) {
                String id = "Container " + ProjectContainers.name(c);
                progress.working(id, "Restarting");
                try {
                    ctx.untilDone(ctx.messages().get("interrupt.engine.restarting", ProjectContainers.name(c)), client -> {
                        var cmd = client.restartContainerCmd(c.getId());
                        if (timeout != null) {
                            cmd.withTimeout(timeout);
                        }
                        return cmd.exec();
                    });
                } catch (DaemonError e) {
                    progress.error(id, "Error");
                    throw DockerError.daemon(e);
                }
                progress.done(id, "Started");
            }
        } finally {
            progress.finish();
        }
    }
}
