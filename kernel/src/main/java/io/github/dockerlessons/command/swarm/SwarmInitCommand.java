package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

/** {@code docker swarm init}: this engine becomes a swarm's first manager; prints how others join. */
public final class SwarmInitCommand implements DockerCommand {
    private static final Flag<String> ADVERTISE_ADDR = Flag.string("advertise-addr");
    private static final Flag<String> LISTEN_ADDR = Flag.of('\0', "listen-addr", FlagType.STRING, "0.0.0.0:2377");
    private static final Flag<String> AVAILABILITY = Flag.of('\0', "availability", FlagType.STRING, "active");
    private static final Flag<Boolean> FORCE_NEW_CLUSTER = Flag.bool("force-new-cluster");

    private static final CommandSpec SPEC = CommandSpec.command("swarm init", "docker swarm init [OPTIONS]")
            .flags(ADVERTISE_ADDR, LISTEN_ADDR, AVAILABILITY, FORCE_NEW_CLUSTER)
            .arity(Arity.none())
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        JsonObject request = new JsonObject();
        request.addProperty("ListenAddr", in.get(LISTEN_ADDR));
        if (in.get(ADVERTISE_ADDR) != null) {
            request.addProperty("AdvertiseAddr", in.get(ADVERTISE_ADDR));
        }
        request.addProperty("ForceNewCluster", in.get(FORCE_NEW_CLUSTER));
        if (in.isSet(AVAILABILITY)) {
            request.addProperty("Availability", Availability.parse(in.get(AVAILABILITY)));
        }
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
