package io.github.dockerlessons.command.image;

import io.github.dockerlessons.api.ApiQuery;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;

/**
 * {@code docker save -o FILE IMAGE...}: the images as one tar in a file next to the notebook,
 * written whole or not at all. Without {@code -o} the CLI refuses to write a tar to a terminal, and
 * a cell is one.
 */
public final class SaveCommand extends DeclaredCommand {
    private static final Flag<String> OUTPUT = Flag.string('o', "output");

    public SaveCommand() {
        super(CommandSpec.command("save", "docker save [OPTIONS] IMAGE [IMAGE...]")
                .aliases("docker image save", "docker save")
                .flags(OUTPUT)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String output = TarDownload.requireOutput(in.get(OUTPUT), "docker save -o images.tar " + String.join(" ", in.args()));
        ApiQuery path = ApiQuery.of("/images/get").addEach("names", in.args());
        TarDownload.to(ctx, output, "failed to save image: ", ctx.messages().get("interrupt.engine.saving"),
                path.toString());
    }
}
