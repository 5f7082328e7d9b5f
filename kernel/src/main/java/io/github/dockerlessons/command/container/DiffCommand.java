package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

/**
 * {@code docker diff CONTAINER}: what changed in the container's file system since it was made, a
 * line per path: {@code A} added, {@code C} changed, {@code D} deleted.
 */
public final class DiffCommand extends DeclaredCommand {
    public DiffCommand() {
        super(CommandSpec.command("diff", "docker diff CONTAINER")
                .aliases("docker container diff", "docker diff")
                .takes(Arity.exactly(1), Arguments.first(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        JsonElement changes = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                "/containers/" + Engine.encode(in.arg(0)) + "/changes"));
        if (changes == null || !changes.isJsonArray()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (JsonElement change : changes.getAsJsonArray()) {
            int kind = change.getAsJsonObject().get("Kind").getAsInt();
            out.append(switch (kind) {
                case 1 -> "A";
                case 2 -> "D";
                default -> "C";
            }).append(' ').append(change.getAsJsonObject().get("Path").getAsString()).append('\n');
        }
        ctx.console().out(out.toString());
    }
}
