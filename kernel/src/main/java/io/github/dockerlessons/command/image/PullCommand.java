package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

import java.util.List;

/** {@code docker pull}: fetch an image, showing each layer's progress, then its canonical name. */
public final class PullCommand extends DockerCommand {
    @Override
    public String name() {
        return "pull";
    }

    @Override
    public String usage() {
        return "docker pull [OPTIONS] NAME[:TAG|@DIGEST]";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker image pull", "docker pull");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        ImageReference ref = ImageReference.parse(args.get(0));
        if (!ref.hasTagOrDigest()) {
            ctx.console().out("Using default tag: latest\n");
        }
        try {
            Puller.pull(ctx, ref);
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
        ctx.console().out(ref.canonical() + "\n");
    }
}
