package io.github.dockerlessons.command.network;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Prompts;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.ValueCompletion;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.util.List;
import java.util.Map;

/**
 * {@code docker network prune}: remove every custom network no container uses, after the CLI's y/N
 * question (answered by the cell's heredoc) unless -f. As the CLI, it lists what went and says no
 * reclaimed space (a network holds none).
 */
public final class NetworkPruneCommand extends DeclaredCommand {
    private static final Flag<List<String>> FILTER = Flag.list("filter").shownAs("filter")
            .completes(ValueCompletion.words("until=", "label=", "label!="));
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public NetworkPruneCommand() {
        super(CommandSpec.command("network prune", "docker network prune [OPTIONS]")
                .flags(FILTER, FORCE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Map<String, List<String>> filters = Filters.parse(FILTER, in);
        if (!in.get(FORCE)
                && !Prompts.confirm(ctx, "WARNING! This will remove all custom networks not used by at least one container.")) {
            return;
        }
        String path = "/networks/prune" + Filters.query(filters);
        JsonObject answer = ctx.untilDone(ctx.messages().get("interrupt.engine.pruning"),
                RawRequest.json(DockerHttpClient.Request.Method.POST, path)).getAsJsonObject();
        JsonElement deleted = answer.get("NetworksDeleted");
        if (deleted != null && deleted.isJsonArray() && !deleted.getAsJsonArray().isEmpty()) {
            StringBuilder out = new StringBuilder("Deleted Networks:\n");
            deleted.getAsJsonArray().forEach(name -> out.append(name.getAsString()).append('\n'));
            ctx.console().out(out.append('\n').toString());
        }
    }
}
