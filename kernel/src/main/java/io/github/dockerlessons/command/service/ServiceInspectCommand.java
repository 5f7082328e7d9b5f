package io.github.dockerlessons.command.service;

import io.github.dockerlessons.command.core.ObjectInspectCommand;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker service inspect SERVICE...}: the engine's JSON of each service, or a template over it. */
public final class ServiceInspectCommand extends ObjectInspectCommand {
    public ServiceInspectCommand() {
        super("service inspect", "docker service inspect [OPTIONS] SERVICE [SERVICE...]",
                NameKind.SERVICE, "/services/");
    }
}
