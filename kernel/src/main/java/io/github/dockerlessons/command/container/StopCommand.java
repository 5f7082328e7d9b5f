package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.api.ApiQuery;
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
import io.github.dockerlessons.engine.RawRequest;

/**
 * {@code docker stop}: SIGTERM, then SIGKILL after the timeout. The engine may take the whole
 * timeout; the stop button lets go at once and the cell says the engine is still stopping it.
 */
public final class StopCommand extends DeclaredCommand {
    private static final Flag<Integer> TIMEOUT = Flag.integer('t', "timeout", null).shownAs("int");
    private static final Flag<String> SIGNAL = Flag.string('s', "signal").completes(CommonFlags.SIGNALS);

    public StopCommand() {
        super(CommandSpec.command("stop", "docker stop [OPTIONS] CONTAINER [CONTAINER...]")
                .aliases("docker container stop", "docker stop")
                .flags(SIGNAL, TIMEOUT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.RUNNING_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Integer timeout = in.get(TIMEOUT);
        String signal = in.get(SIGNAL);
        Targets.forEach(ctx, in.args(), true, target -> {
            try {
                String stillGoingOn = ctx.messages().get("interrupt.engine.stopping", target);
                if (signal != null) { // docker-java's stop has no signal: the API's own query, as the CLI sends it
                    ctx.untilDone(stillGoingOn, RawRequest.json(DockerHttpClient.Request.Method.POST, ApiQuery.of(
                            "/containers/" + Engine.pathSegment(target) + "/stop").add("signal", signal)
                            .add("t", timeout == null ? null : timeout.toString()).toString()));
                } else {
                    ctx.untilDone(stillGoingOn, client -> {
                        var cmd = client.stopContainerCmd(Engine.pathSegment(target));
                        if (timeout != null) {
                            cmd.withTimeout(timeout);
                        }
                        return cmd.exec();
                    });
                }
            } catch (DaemonError e) {
                if (e.httpStatus() != 304) { // already stopped is not an error for the CLI
                    throw e;
                }
            }
            return true;
        });
    }
}
