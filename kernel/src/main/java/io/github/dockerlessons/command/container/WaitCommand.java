package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker wait}: block until the containers stop, then print their exit codes. */
public final class WaitCommand extends DeclaredCommand {
    public WaitCommand() {
        super(CommandSpec.command("wait", "docker wait CONTAINER [CONTAINER...]")
                .aliases("docker container wait", "docker wait")
                .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Targets.forEach(ctx, in.args(), false, target -> {
            WaitContainerResultCallback waiting = new WaitContainerResultCallback();
            try {
                int code = ctx.untilDone(null, client -> client.waitContainerCmd(Engine.pathSegment(target))
                        .exec(ctx.cancellation().register(waiting)).awaitStatusCode());
                ctx.console().out(code + "\n");
            } finally {
                ctx.cancellation().unregister(waiting);
            }
            return true;
        });
    }
}
