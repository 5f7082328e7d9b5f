package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

/** {@code docker swarm join-token [-q] [--rotate] worker|manager}: how another engine joins, or the token alone. */
public final class SwarmJoinTokenCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> ROTATE = Flag.bool("rotate");

    public SwarmJoinTokenCommand() {
        super(CommandSpec.command("swarm join-token",
                        "docker swarm join-token [OPTIONS] (worker|manager)")
                .flags(QUIET, ROTATE)
                .arity(Arity.exactly(1)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String role = in.arg(0);
        boolean worker = role.equals("worker");
        boolean manager = role.equals("manager");
        if (!worker && !manager) {
            throw new DockerError(1, "unknown role " + role, "hint.swarm.role");
        }
        if (in.get(ROTATE)) {
            JsonObject swarm = SwarmApi.object(SwarmApi.get(ctx, "/swarm"));
            String version = SwarmApi.text(swarm, "Version", "Index");
            JsonObject spec = SwarmApi.at(swarm, "Spec");
            SwarmApi.post(ctx, "/swarm/update?version=" + version + "&rotateWorkerToken=" + worker
                    + "&rotateManagerToken=" + manager, spec == null ? new JsonObject() : spec);
            if (!in.get(QUIET)) {
                ctx.console().out("Successfully rotated " + role + " join token.\n\n");
            }
        }
        JsonObject swarm = SwarmApi.object(SwarmApi.get(ctx, "/swarm"));
        if (in.get(QUIET)) {
            ctx.console().out(SwarmApi.text(swarm, "JoinTokens", worker ? "Worker" : "Manager") + "\n");
            return;
        }
        String nodeId = SwarmApi.text(SwarmApi.swarmInfo(ctx), "NodeID");
        ctx.console().out(JoinCommandText.of(ctx, nodeId, worker, manager));
    }
}
