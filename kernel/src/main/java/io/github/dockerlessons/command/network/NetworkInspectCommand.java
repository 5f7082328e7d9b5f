package io.github.dockerlessons.command.network;

import io.github.dockerlessons.command.core.ObjectInspectCommand;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker network inspect}: the engine's JSON of each network, or a template over it. */
public final class NetworkInspectCommand extends ObjectInspectCommand {
    public NetworkInspectCommand() {
        super("network inspect", "docker network inspect [OPTIONS] NETWORK [NETWORK...]",
                NameKind.NETWORK, "/networks/");
    }
}
