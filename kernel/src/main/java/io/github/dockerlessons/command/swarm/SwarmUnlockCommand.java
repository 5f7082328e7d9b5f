package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;

import java.nio.charset.StandardCharsets;

/**
 * {@code docker swarm unlock}: (refusals in the 28.2 CLI's words, "Error: swarm is not locked") the key of a locked manager, read as the CLI reads a piped stdin: the
 * first line of the cell's heredoc ({@code docker swarm unlock <<EOF}). A notebook has no terminal to
 * prompt on.
 */
public final class SwarmUnlockCommand extends DeclaredCommand {
    public SwarmUnlockCommand() {
        super(CommandSpec.command("swarm unlock", "docker swarm unlock"));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String state = SwarmApi.text(SwarmApi.swarmInfo(ctx), "LocalNodeState");
        if (state.equals("inactive") || state.isEmpty()) {
            throw new DockerError(1, "Error: This node is not part of a swarm", null);
        }
        if (!state.equals("locked")) {
            throw new DockerError(1, "Error: swarm is not locked", null);
        }
        byte[] given = ctx.heredoc();
        String text = given == null ? "" : new String(given, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        JsonObject request = new JsonObject();
        request.addProperty("UnlockKey", (newline < 0 ? text : text.substring(0, newline)).trim());
        SwarmApi.post(ctx, "/swarm/unlock", request);
    }
}
