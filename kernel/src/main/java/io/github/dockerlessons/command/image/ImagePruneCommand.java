package io.github.dockerlessons.command.image;

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

/** {@code docker image prune}: remove dangling images (all unused with -a), after a yes. */
public final class ImagePruneCommand extends DockerCommand {
    @Option(names = {"-f", "--force"})
    boolean force;

    @Option(names = {"-a", "--all"})
    boolean all;

    @Override
    public String name() {
        return "image.prune";
    }

    @Override
    public String usage() {
        return "docker image prune [OPTIONS]";
    }

    @Override
    public Arity arity() {
        return Arity.none();
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.";
        if (!force && !Prompts.confirm(ctx, warning)) {
            return;
        }
        JsonObject answer = RawApi.json(ctx, DockerHttpClient.Request.Method.POST,
                "/images/prune?filters=" + RawApi.encode("{\"dangling\":[\"" + !all + "\"]}")).getAsJsonObject();
        List<String> deleted = new ArrayList<>();
        JsonElement items = answer.get("ImagesDeleted");
        if (items != null && items.isJsonArray()) {
            for (JsonElement item : items.getAsJsonArray()) {
                JsonObject entry = item.getAsJsonObject();
                if (entry.has("Untagged")) {
                    deleted.add("untagged: " + entry.get("Untagged").getAsString());
                }
                if (entry.has("Deleted")) {
                    deleted.add("deleted: " + entry.get("Deleted").getAsString());
                }
            }
        }
        ctx.console().out(Prompts.pruned("Deleted Images:", answer.get("SpaceReclaimed").getAsLong(), deleted));
    }
}
