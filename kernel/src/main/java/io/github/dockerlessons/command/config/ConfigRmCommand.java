package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmRmCommand;

/** {@code docker config rm CONFIG...}: each removed config printed as named; the others reported at the end. */
public final class ConfigRmCommand extends SwarmRmCommand {
    public ConfigRmCommand() {
        super("config", "docker config rm CONFIG [CONFIG...]", NameKind.CONFIG, "/configs/");
    }
}
