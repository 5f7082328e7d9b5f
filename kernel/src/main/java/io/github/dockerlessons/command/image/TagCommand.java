package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;

import java.util.List;

/** {@code docker tag}: another name for an image. */
public final class TagCommand extends DockerCommand {
    @Override
    public String name() {
        return "tag";
    }

    @Override
    public String usage() {
        return "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(2);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker image tag", "docker tag");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        ImageReference target = ImageReference.parse(args.get(1));
        engine(ctx, client -> {
            client.tagImageCmd(args.get(0), target.repository(), target.tagOrLatest()).exec();
            return null;
        });
    }
}
