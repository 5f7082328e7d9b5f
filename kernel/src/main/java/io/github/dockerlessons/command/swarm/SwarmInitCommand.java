package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

/** {@code docker swarm init}: this engine becomes a swarm's first manager; prints how others join. */
public final class SwarmInitCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE_NEW_CLUSTER = Flag.bool("force-new-cluster");

    public SwarmInitCommand() {
        super(CommandSpec.command("swarm init", "docker swarm init [OPTIONS]")
                .flags(NodeAddressFlags.ADVERTISE_ADDR, NodeAddressFlags.LISTEN_ADDR, NodeAddressFlags.AVAILABILITY,
                        FORCE_NEW_CLUSTER));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        JsonObject request = NodeAddressFlags.request(in);
        request.addProperty("ForceNewCluster", in.get(FORCE_NEW_CLUSTER));
        NodeAddressFlags.addAvailability(in, request);
        request.add("Spec", new JsonObject());
        String nodeId;
        try {
            nodeId = SwarmApi.post(ctx, "/swarm/init", request).getAsString();
        } catch (DockerError e) {
            // The CLI adds what to do when the engine cannot pick an address by itself.
            if (e.cliText().contains("could not choose an IP address to advertise")
                    || e.cliText().contains("could not find the system's IP address")) {
                throw new DockerError(e.status(), e.cliText() + " - specify one with --advertise-addr",
                        "hint.swarm.advertise");
            }
            throw e;
        }
        ctx.console().out("Swarm initialized: current node (" + nodeId + ") is now a manager.\n\n"
                + JoinCommandText.of(ctx, nodeId, true, false)
                + "To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n");
    }
}
