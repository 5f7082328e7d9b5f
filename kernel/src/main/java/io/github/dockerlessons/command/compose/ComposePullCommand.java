package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.console.Console;

import java.util.List;

/** {@code docker compose pull}: the image of each chosen service that names one, pulled. */
public final class ComposePullCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> IGNORE_FAILURES = Flag.bool("ignore-pull-failures");

    public ComposePullCommand() {
        super(ComposeProjectFlags.forServices("compose pull",
                "docker compose pull [OPTIONS] [SERVICE...]", IGNORE_FAILURES, QUIET));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen = ComposeProjectFlags.select(project, in.args(), ctx);
        ProgressPanel progress = new ProgressPanel(in.get(QUIET) ? Console.NOWHERE : ctx.console(), "Pulling");
        try {
            for (ComposeProject.Service s : chosen) {
                if (s.image() == null) {
                    continue;
                }
                try {
                    new ServiceImages(ctx).pull(project, s, progress);
                } catch (DockerError e) {
                    if (!in.get(IGNORE_FAILURES)) {
                        throw e;
                    }
                    ctx.console().err("WARN[0000] " + e.cliText() + "\n");
                }
            }
        } finally {
            progress.finish();
        }
    }
}
