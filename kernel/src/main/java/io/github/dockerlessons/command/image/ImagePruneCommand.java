package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Prompts;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

import java.util.List;

/** {@code docker image prune}: remove dangling (or with -a, unused) images, after the CLI's y/N question. */
public final class ImagePruneCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");

    public ImagePruneCommand() {
        super(CommandSpec.command("image prune", "docker image prune [OPTIONS]")
                .flags(ALL, FORCE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean all = in.get(ALL);
        String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.";
        if (!in.get(FORCE) && !Prompts.confirm(ctx, warning)) {
            return;
        }
        String path = "/images/prune?filters=" + Engine.encode("{\"dangling\":[\"" + !all + "\"]}");
        JsonObject answer = ctx.untilDone(ctx.messages().get("interrupt.engine.pruning"), RawRequest.json(DockerHttpClient.Request.Method.POST, path)).getAsJsonObject();
        List<String> deleted = ImageDeletions.lines(answer.get("ImagesDeleted"), "untagged: ", "deleted: ");
        ctx.console().out(Prompts.pruned("Deleted Images:", answer.get("SpaceReclaimed").getAsLong(), deleted));
    }
}
