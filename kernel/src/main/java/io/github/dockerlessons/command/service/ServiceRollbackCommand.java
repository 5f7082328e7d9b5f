package io.github.dockerlessons.command.service;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;

/** {@code docker service rollback SERVICE}: back to the spec before the last update, followed unless -d. */
public final class ServiceRollbackCommand extends DeclaredCommand {
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    public ServiceRollbackCommand() {
        super(CommandSpec.command("service rollback", "docker service rollback [OPTIONS] SERVICE")
                .flags(DETACH, QUIET)
                .takes(Arity.exactly(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        rollBack(ctx, in.arg(0), in.get(DETACH), in.get(QUIET));
    }

    /** Asks the engine for the previous spec (also `service update --rollback`), then follows it unless detached. */
    static void rollBack(CommandContext ctx, String name, boolean detach, boolean quiet)
            throws DockerError, InterruptedException {
        JsonObject service = Services.inspect(ctx, name);
        Services.update(ctx, service, Services.specOf(service), "&rollback=previous");
        ctx.console().out(name + "\n");
        if (!detach) {
            ServiceProgress.follow(ctx, SwarmApi.text(service, "ID"), name, true, quiet);
        }
    }
}
