package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.core.ObjectInspectCommand;
import io.github.dockerlessons.command.flags.NameKind;

/** {@code docker secret inspect SECRET...}: the engine's JSON of each secret (never its data), or a template over it. */
public final class SecretInspectCommand extends ObjectInspectCommand {
    public SecretInspectCommand() {
        super("secret inspect", "docker secret inspect [OPTIONS] SECRET [SECRET...]",
                NameKind.SECRET, "/secrets/");
    }
}
