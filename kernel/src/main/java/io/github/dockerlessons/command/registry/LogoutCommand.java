package io.github.dockerlessons.command.registry;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.files.LocalFileError;

/** {@code docker logout [SERVER]}: the login kept in the CLI's config.json for that server is forgotten. */
public final class LogoutCommand extends DeclaredCommand {
    public LogoutCommand() {
        super(CommandSpec.command("logout", "docker logout [SERVER]")
                .arity(Arity.atMost(1)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError {
        String server = in.args().isEmpty() ? CredentialStore.INDEX_SERVER : in.arg(0);
        boolean hub = in.args().isEmpty();
        String hostname = hub ? server : CredentialStore.hostname(server);
        ctx.console().out("Removing login credentials for " + hostname + "\n");
        try {
            CredentialStore store = CredentialStore.of(ctx);
            if (hub) {
                store.erase(server);
            } else {
                store.erase(server, hostname, "http://" + hostname, "https://" + hostname);
            }
        } catch (LocalFileError e) {
            ctx.console().err("WARNING: could not erase credentials:\n" + server + ": " + e.getMessage() + "\n");
        }
    }
}
