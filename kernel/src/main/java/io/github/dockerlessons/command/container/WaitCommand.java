package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.command.WaitContainerResultCallback;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;

import java.util.List;

/** {@code docker wait}: block until the containers stop, then print their exit codes. */
public final class WaitCommand extends DockerCommand {
    @Override
    public String name() {
        return "wait";
    }

    @Override
    public String usage() {
        return "docker wait CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container wait", "docker wait");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, false, target -> {
            WaitContainerResultCallback waiting = new WaitContainerResultCallback();
            try {
                int code = ctx.engine().call(client -> client.waitContainerCmd(target)
                        .exec(ctx.cancellation().register(waiting)).awaitStatusCode());
                ctx.console().out(code + "\n");
            } finally {
                ctx.cancellation().unregister(waiting);
            }
            return true;
        });
    }
}
