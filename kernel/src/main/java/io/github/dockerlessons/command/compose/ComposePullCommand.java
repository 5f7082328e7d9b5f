package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeFileError;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;

import java.util.List;

/** {@code docker compose pull}: the image of each chosen service that names one, pulled. */
public final class ComposePullCommand implements DockerCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> IGNORE_FAILURES = Flag.bool("ignore-pull-failures");

    private static final CommandSpec SPEC = CommandSpec.command("compose pull", "docker compose pull [OPTIONS] [SERVICE...]")
            .flags(ComposeProjectFlags.HIDDEN)
            .flags(IGNORE_FAILURES, QUIET)
            .arity(Arity.atLeast(0))
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen;
        try {
            chosen = project.select(in.args());
        } catch (ComposeFileError e) {
            throw ComposeProjectFlags.failure(e, ctx);
        }
        ProgressPanel progress = new ProgressPanel(in.get(QUIET) ? new Console() {
            @Override
            public void out(String text) { }

            @Override
            public void err(String text) { }

            @Override
            public void show(Bundle bundle) { }

            @Override
            public void result(Bundle bundle) { }
        } : ctx.console(), "Pulling");
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
