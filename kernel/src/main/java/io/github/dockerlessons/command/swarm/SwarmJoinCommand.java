package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

/** {@code docker swarm join --token TOKEN HOST:PORT}: this engine joins a swarm as a worker or a manager. */
public final class SwarmJoinCommand extends DeclaredCommand {
    private static final Flag<String> TOKEN = Flag.string("token");

    public SwarmJoinCommand() {
        super(CommandSpec.command("swarm join", "docker swarm join [OPTIONS] HOST:PORT")
                .flags(TOKEN, NodeAddressFlags.ADVERTISE_ADDR, NodeAddressFlags.LISTEN_ADDR,
                        NodeAddressFlags.AVAILABILITY)
                .arity(Arity.exactly(1)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        JsonObject request = NodeAddressFlags.request(in);
        JsonArray remotes = new JsonArray();
        remotes.add(in.arg(0));
        request.add("RemoteAddrs", remotes);
        request.addProperty("JoinToken", in.get(TOKEN) == null ? "" : in.get(TOKEN));
        NodeAddressFlags.addAvailability(in, request);
        SwarmApi.post(ctx, "/swarm/join", request);
        JsonElement control = SwarmApi.swarmInfo(ctx).get("ControlAvailable");
        boolean manager = control != null && control.isJsonPrimitive() && control.getAsBoolean();
        ctx.console().out("This node joined a swarm as a " + (manager ? "manager" : "worker") + ".\n");
    }
}
