package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Prompts;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker container prune}: remove every stopped container, after the CLI's y/N question
 * (answered by the cell's heredoc) unless -f.
 */
public final class ContainerPruneCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");

    public ContainerPruneCommand() {
        super(CommandSpec.command("container prune", "docker container prune [OPTIONS]")
                .flags(FORCE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        if (!in.get(FORCE) && !Prompts.confirm(ctx, "WARNING! This will remove all stopped containers.")) {
            return;
        }
        JsonObject answer = ctx.untilDone(ctx.messages().get("interrupt.engine.pruning"), RawRequest.json(DockerHttpClient.Request.Method.POST, "/containers/prune")).getAsJsonObject();
        ctx.console().out(Prompts.pruned("Deleted Containers:", answer.get("SpaceReclaimed").getAsLong(),
                strings(answer.get("ContainersDeleted"))));
    }

    static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isJsonArray()) {
            array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }
}
