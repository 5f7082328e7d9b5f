package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.image.TarDownload;
import io.github.dockerlessons.engine.Engine;

/**
 * {@code docker export -o FILE CONTAINER}: the container's file system as a tar next to the
 * notebook (what {@code docker import} reads back as an image). Without {@code -o} the CLI refuses
 * to write a tar to a terminal, and a cell is one.
 */
public final class ExportCommand extends DeclaredCommand {
    private static final Flag<String> OUTPUT = Flag.string('o', "output");

    public ExportCommand() {
        super(CommandSpec.command("export", "docker export [OPTIONS] CONTAINER")
                .aliases("docker container export", "docker export")
                .flags(OUTPUT)
                .takes(Arity.exactly(1), Arguments.first(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String output = TarDownload.requireOutput(in.get(OUTPUT), "docker export -o " + in.arg(0) + ".tar " + in.arg(0));
        TarDownload.to(ctx, output, "failed to export container: ",
                ctx.messages().get("interrupt.engine.exporting", in.arg(0)),
                "/containers/" + Engine.encode(in.arg(0)) + "/export");
    }
}
