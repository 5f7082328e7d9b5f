package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

/**
 * {@code docker load -i FILE}: images from a tar next to the notebook (one {@code docker save}
 * wrote), "Loaded image: NAME" for each. Without {@code -i} the tar is the cell's heredoc, and a
 * cell without one has, as the CLI says of a terminal, an empty stdin.
 */
public final class LoadCommand extends DeclaredCommand {
    private static final Flag<String> INPUT = Flag.string('i', "input");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    public LoadCommand() {
        super(CommandSpec.command("load", "docker load [OPTIONS]")
                .aliases("docker image load", "docker load")
                .flags(INPUT, QUIET));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String input = in.get(INPUT);
        if ((input == null || input.isEmpty()) && ctx.heredoc() == null) {
            throw new DockerError(1, "requested load from stdin, but stdin is empty", "hint.load.input");
        }
        TarUpload.send(ctx, "/images/load?quiet=" + (in.get(QUIET) ? "1" : "0"),
                TarUpload.open(ctx, input == null || input.isEmpty() ? "-" : input),
                ctx.messages().get("interrupt.engine.loading"));
    }
}
