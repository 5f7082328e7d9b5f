package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker kill}: a signal (KILL unless -s says otherwise), no grace period. */
public final class KillCommand extends DeclaredCommand {
    private static final Flag<String> SIGNAL = Flag.string('s', "signal").completes(CommonFlags.SIGNALS);

    public KillCommand() {
        super(CommandSpec.command("kill", "docker kill [OPTIONS] CONTAINER [CONTAINER...]")
                .aliases("docker container kill", "docker kill")
                .flags(SIGNAL)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.RUNNING_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String signal = in.get(SIGNAL);
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.answer(client -> {
                var cmd = client.killContainerCmd(Engine.pathSegment(target));
                if (signal != null && !signal.isEmpty()) {
                    cmd.withSignal(signal);
                }
                return cmd.exec();
            });
            return true;
        });
    }
}
