package io.github.dockerlessons.command.config;

import io.github.dockerlessons.command.core.ObjectInspectCommand;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker config inspect CONFIG...}: the engine's JSON of each config (never its data), or a template over it. */
public final class ConfigInspectCommand extends ObjectInspectCommand {
    public ConfigInspectCommand() {
        super("config inspect", "docker config inspect [OPTIONS] CONFIG [CONFIG...]",
                NameKind.CONFIG, "/configs/");
    }
}
