package io.github.dockerlessons.command.secret;

import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmRmCommand;

/** {@code docker secret rm SECRET...}: each removed secret printed as named; the others reported at the end. */
public final class SecretRmCommand extends SwarmRmCommand {
    public SecretRmCommand() {
        super("secret", "docker secret rm SECRET [SECRET...]", NameKind.SECRET, "/secrets/");
    }
}
