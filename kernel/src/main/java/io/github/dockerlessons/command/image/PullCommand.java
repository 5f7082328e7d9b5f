package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.flags.ValueCompletion;
import io.github.dockerlessons.engine.DaemonError;

/** {@code docker pull}: download an image, its progress shown in one display updated in place. */
public final class PullCommand extends DeclaredCommand {
    private static final Flag<String> PLATFORM = Flag.string("platform")
            .completes(ValueCompletion.words("linux/amd64", "linux/arm64"));
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    public PullCommand() {
        super(CommandSpec.command("pull", "docker pull [OPTIONS] NAME[:TAG|@DIGEST]")
                .aliases("docker image pull", "docker pull")
                .flags(PLATFORM, QUIET)
                .takes(Arity.exactly(1), Arguments.each(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ImageReference ref = ImageReference.parse(in.arg(0));
        boolean quiet = in.get(QUIET);
        if (!ref.hasTagOrDigest() && !quiet) {
            ctx.console().out("Using default tag: latest\n");
        }
        try {
            Puller.pull(ctx, ref, in.get(PLATFORM), quiet);
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
        ctx.console().out(ref.canonical() + "\n");
    }
}
