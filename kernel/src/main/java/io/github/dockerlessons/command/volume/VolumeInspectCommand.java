package io.github.dockerlessons.command.volume;

import io.github.dockerlessons.command.core.ObjectInspectCommand;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker volume inspect}: the engine's JSON of each volume, or a template over it. */
public final class VolumeInspectCommand extends ObjectInspectCommand {
    public VolumeInspectCommand() {
        super("volume inspect", "docker volume inspect [OPTIONS] VOLUME [VOLUME...]",
                NameKind.VOLUME, "/volumes/");
    }
}
