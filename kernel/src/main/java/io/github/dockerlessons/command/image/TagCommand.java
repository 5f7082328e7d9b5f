package io.github.dockerlessons.command.image;

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

/** {@code docker tag}: another name for an image. */
public final class TagCommand extends DeclaredCommand {
    public TagCommand() {
        super(CommandSpec.command("tag", "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]")
                .aliases("docker image tag", "docker tag")
                .takes(Arity.exactly(2), Arguments.first(NameKind.IMAGE, NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        ImageReference target = ImageReference.parse(in.arg(1));
        ctx.answer(client -> {
            client.tagImageCmd(Engine.pathSegment(in.arg(0)), target.repository(), target.tagOrLatest()).exec();
            return null;
        });
    }
}
