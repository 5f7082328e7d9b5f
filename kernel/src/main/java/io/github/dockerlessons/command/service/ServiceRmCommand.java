package io.github.dockerlessons.command.service;

import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmRmCommand;

/** {@code docker service rm}: each service removed is printed as named; the others are reported at the end. */
public final class ServiceRmCommand extends SwarmRmCommand {
    public ServiceRmCommand() {
        super("service", "docker service rm SERVICE [SERVICE...]", NameKind.SERVICE, "/services/");
    }
}
