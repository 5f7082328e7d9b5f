package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonObject;
import io.github.dockerlessons.api.ApiQuery;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.image.ImageReference;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.util.List;

/**
 * {@code docker commit CONTAINER [REPOSITORY[:TAG]]}: a new image from a container's changes
 * (paused meanwhile unless {@code -p=false}), with {@code -c} Dockerfile instructions, an author and
 * a message; prints the image's ID.
 */
public final class CommitCommand extends DeclaredCommand {
    private static final Flag<String> AUTHOR = Flag.string('a', "author");
    private static final Flag<List<String>> CHANGE = Flag.list('c', "change");
    private static final Flag<String> MESSAGE = Flag.string('m', "message");
    private static final Flag<Boolean> PAUSE = Flag.of('p', "pause", FlagType.BOOL, true).defaultShownAs("true");

    public CommitCommand() {
        super(CommandSpec.command("commit",
                        "docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]")
                .aliases("docker container commit", "docker commit")
                .flags(AUTHOR, CHANGE, MESSAGE, PAUSE)
                .takes(new Arity(1, 2), Arguments.first(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        ApiQuery path = ApiQuery.of("/commit").add("container", in.arg(0));
        if (in.args().size() > 1) {
            ImageReference ref = ImageReference.parse(in.arg(1));
            path.add("repo", ref.repository()).add("tag", ref.tag());
        }
        path.add("comment", in.get(MESSAGE)).add("author", in.get(AUTHOR)).add("pause", String.valueOf(in.get(PAUSE)))
                .addEach("changes", in.get(CHANGE));
        JsonObject answer = ctx.untilDone(ctx.messages().get("interrupt.engine.committing", in.arg(0)),
                RawRequest.json(DockerHttpClient.Request.Method.POST, path.toString(),
                        new JsonObject())).getAsJsonObject();
        ctx.record().imageMade(answer.get("Id").getAsString());
        ctx.console().out(answer.get("Id").getAsString() + "\n");
    }
}
