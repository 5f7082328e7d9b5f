package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import com.github.dockerjava.core.command.WaitContainerResultCallback;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code docker compose wait SERVICE...}: blocks until the services' containers stop, printing each
 * one's exit code in Compose's words; the command's status is the last one's; --down-project then
 * takes the project down.
 */
public final class ComposeWaitCommand extends HandingOn {
    private static final Flag<Boolean> DOWN_PROJECT = Flag.bool("down-project");

    public ComposeWaitCommand(Supplier<CommandRegistry> registry) {
        super(CommandSpec.command("compose wait", "docker compose wait SERVICE [SERVICE...] [OPTIONS]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(DOWN_PROJECT)
                .takes(Arity.atLeast(1), ComposeProjectFlags.SERVICES), registry);
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        String project = ServiceTargets.project(in, ctx, in.args());
        List<ContainerSummary> containers = new ProjectContainers(ctx).containers(project, false, in.args(), true);
        if (containers.isEmpty()) {
            throw new DockerError(1, "no containers for project \"" + project + "\"");
        }
        int status = 0;
        for (ContainerSummary c : containers) {
            WaitContainerResultCallback waiting = new WaitContainerResultCallback();
            try {
                status = ctx.untilDone(null, client -> client.waitContainerCmd(Engine.pathSegment(c.getId()))
                        .exec(ctx.cancellation().register(waiting)).awaitStatusCode());
            } finally {
                ctx.cancellation().unregister(waiting);
            }
            ctx.console().out("container \"" + c.getId() + "\" exited with status code " + status + "\n");
        }
        if (in.get(DOWN_PROJECT)) {
            List<String> down = new ArrayList<>(List.of("compose", "down", "--remove-orphans"));
            down.addAll(ServiceTargets.projectWords(in));
            handOn(down, ctx);
        }
        if (status != 0) {
            throw DockerError.exitStatus(status);
        }
    }
}
