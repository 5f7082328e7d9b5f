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

/** {@code docker restart}: stop (with the timeout) and start again; interruptible like stop. */
public final class RestartCommand extends DeclaredCommand {
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");
    private static final Flag<String> SIGNAL = Flag.string('s', "signal").completes(CommonFlags.SIGNALS);

    public RestartCommand() {
        super(CommandSpec.command("restart", "docker restart [OPTIONS] CONTAINER [CONTAINER...]")
                .aliases("docker container restart", "docker restart")
                .flags(SIGNAL, TIMEOUT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Integer timeout = in.get(TIMEOUT);
        String signal = in.get(SIGNAL);
        Targets.forEach(ctx, in.args(), true, target -> {
            ctx.untilDone(ctx.messages().get("interrupt.engine.restarting", target), client -> {
                var cmd = client.restartContainerCmd(Engine.pathSegment(target));
                if (timeout != null) {
                    cmd.withTimeout(timeout);
                }
                if (signal != null) {
                    cmd.withSignal(signal);
                }
                return cmd.exec();
            });
            return true;
        });
    }
}
