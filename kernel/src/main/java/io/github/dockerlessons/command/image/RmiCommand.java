package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

/**
 * {@code docker rmi}: remove images, printing the engine's list of what it untagged and deleted
 * (docker-java's typed call drops it, so this is the raw API call).
 */
public final class RmiCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");
    private static final Flag<Boolean> NO_PRUNE = Flag.bool("no-prune");

    public RmiCommand() {
        super(CommandSpec.command("rmi", "docker rmi [OPTIONS] IMAGE [IMAGE...]")
                .aliases("docker image rm", "docker image remove", "docker rmi")
                .flags(FORCE, NO_PRUNE)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean force = in.get(FORCE);
        boolean noPrune = in.get(NO_PRUNE);
        Targets.forEach(ctx, in.args(), false, target -> {
            String path = "/images/" + Engine.encode(target) + "?force=" + force + "&noprune=" + noPrune;
            JsonElement answer = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.DELETE, path));
            StringBuilder out = new StringBuilder();
            ImageDeletions.lines(answer, "Untagged: ", "Deleted: ").forEach(line -> out.append(line).append('\n'));
            ctx.console().out(out.toString());
            return true;
        });
    }
}
