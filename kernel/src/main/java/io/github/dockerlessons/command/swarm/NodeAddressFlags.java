package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;

/**
 * The flags swarm init and swarm join share, as docker/cli's swarm/opts.go does: where this node
 * listens and what it advertises, and the availability it starts with.
 */
final class NodeAddressFlags {
    static final Flag<String> ADVERTISE_ADDR = Flag.string("advertise-addr");
    static final Flag<String> LISTEN_ADDR = Flag.of('\0', "listen-addr", FlagType.STRING, "0.0.0.0:2377");
    static final Flag<String> AVAILABILITY = Flag.of('\0', "availability", FlagType.STRING, "active");

    private NodeAddressFlags() {
    }

    /** A request that starts with ListenAddr, and AdvertiseAddr when one is given. */
    static JsonObject request(Invocation in) {
        JsonObject request = new JsonObject();
        request.addProperty("ListenAddr", in.get(LISTEN_ADDR));
        if (in.get(ADVERTISE_ADDR) != null) {
            request.addProperty("AdvertiseAddr", in.get(ADVERTISE_ADDR));
        }
        return request;
    }

    /** Availability only when given: the engine's default otherwise, as the CLI sends it. */
    static void addAvailability(Invocation in, JsonObject request) throws DockerError {
        if (in.isSet(AVAILABILITY)) {
            request.addProperty("Availability", Availability.parse(in.get(AVAILABILITY)));
        }
    }
}
