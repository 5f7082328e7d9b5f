package io.github.dockerlessons.command.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code docker rmi}: remove images, printing the engine's "Untagged:" and "Deleted:" lines. Through
 * the raw API, because docker-java's removeImageCmd discards that answer.
 */
public final class RmiCommand extends DockerCommand {
    @Option(names = {"-f", "--force"})
    boolean force;

    @Option(names = "--no-prune")
    boolean noPrune;

    @Override
    public String name() {
        return "rmi";
    }

    @Override
    public String usage() {
        return "docker rmi [OPTIONS] IMAGE [IMAGE...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker image rm", "docker image remove", "docker rmi");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, false, target -> {
            String path = "/images/" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                    + "?force=" + force + "&noprune=" + noPrune;
            JsonElement answer = ctx.engine().requestJson(DockerHttpClient.Request.Method.DELETE, path);
            StringBuilder out = new StringBuilder();
            if (answer.isJsonArray()) {
                for (JsonElement item : answer.getAsJsonArray()) {
                    JsonObject entry = item.getAsJsonObject();
                    if (entry.has("Untagged")) {
                        out.append("Untagged: ").append(entry.get("Untagged").getAsString()).append('\n');
                    }
                    if (entry.has("Deleted")) {
                        out.append("Deleted: ").append(entry.get("Deleted").getAsString()).append('\n');
                    }
                }
            }
            ctx.console().out(out.toString());
            return true;
        });
    }
}
