package io.github.dockerlessons.command.image;

import io.github.dockerlessons.api.ApiQuery;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.ForwardingConsole;

import java.io.InputStream;
import java.util.List;

/**
 * {@code docker import FILE [REPOSITORY[:TAG]]}: a file system tar (one {@code docker export} wrote,
 * next to the notebook) becomes a one-layer image; {@code -c} applies Dockerfile instructions
 * ({@code CMD ["sh"]}), {@code -m} a commit message. A URL is fetched by the engine; {@code -} is the
 * cell's heredoc.
 */
public final class ImportCommand extends DeclaredCommand {
    private static final Flag<List<String>> CHANGE = Flag.list('c', "change");
    private static final Flag<String> MESSAGE = Flag.string('m', "message");
    private static final Flag<String> PLATFORM = Flag.string("platform");

    public ImportCommand() {
        super(CommandSpec.command("import",
                        "docker import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]")
                .aliases("docker image import", "docker import")
                .flags(CHANGE, MESSAGE, PLATFORM)
                .arity(new Arity(1, 2)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String source = in.arg(0);
        boolean url = source.startsWith("http://") || source.startsWith("https://");
        ApiQuery path = ApiQuery.of("/images/create").add("fromSrc", url ? source : "-");
        if (in.args().size() > 1) {
            ImageReference ref = ImageReference.parse(in.arg(1));
            path.add("repo", ref.repository()).add("tag", ref.tag());
        }
        path.add("message", in.get(MESSAGE)).add("platform", in.get(PLATFORM)).addEach("changes", in.get(CHANGE));
        InputStream body = url ? null : TarUpload.open(ctx, source);
        // The engine answers with the new image's ID: the notebook made that image.
        Console remembering = new ForwardingConsole(ctx.console()) {
            @Override
            public void out(String text) {
                if (text.startsWith("sha256:")) {
                    ctx.record().imageMade(text.strip());
                }
                super.out(text);
            }
        };
        TarUpload.send(ctx, path.toString(), body, ctx.messages().get("interrupt.engine.importing"), remembering);
    }
}
