package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Prompts;
import io.github.dockerlessons.command.RawApi;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker container prune}: remove every stopped container, after a yes. Through the raw
 * API, because docker-java's prune answer keeps the reclaimed space but not what was deleted.
 */
public final class ContainerPruneCommand extends DockerCommand {
    @Option(names = {"-f", "--force"})
    boolean force;

    @Override
    public String name() {
        return "container.prune";
    }

    @Override
    public String usage() {
        return "docker container prune [OPTIONS]";
    }

    @Override
    public Arity arity() {
        return Arity.none();
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        if (!force && !Prompts.confirm(ctx, "WARNING! This will remove all stopped containers.")) {
            return;
        }
        JsonObject answer = RawApi.json(ctx, DockerHttpClient.Request.Method.POST, "/containers/prune").getAsJsonObject();
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
