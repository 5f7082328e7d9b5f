package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeProject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker compose build}: each chosen service that has {@code build:} built with the engine's
 * classic builder (as {@code docker build} here), tagged with its image name or project-service.
 */
public final class ComposeBuildCommand extends DeclaredCommand {
    private static final Flag<List<String>> BUILD_ARG = Flag.list("build-arg").shownAs("stringArray");
    private static final Flag<Boolean> NO_CACHE = Flag.bool("no-cache");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    public ComposeBuildCommand() {
        super(ComposeProjectFlags.forServices("compose build",
                "docker compose build [OPTIONS] [SERVICE...]", BUILD_ARG, NO_CACHE, QUIET));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen = ComposeProjectFlags.select(project, in.args(), ctx);
        for (ComposeProject.Service s : chosen) {
            if (s.build() == null) {
                continue;
            }
            Map<String, String> args = new LinkedHashMap<>(s.build().args());
            for (String arg : in.get(BUILD_ARG)) {
                int eq = arg.indexOf('=');
                String key = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq < 0 ? project.environment().get(arg) : arg.substring(eq + 1);
                if (value != null) {
                    args.put(key, value);
                }
            }
            ComposeProject.Service withArgs = new ComposeProject.Service(s.name(), s.image(),
                    new ComposeProject.Build(s.build().context(), s.build().dockerfile(), args), s.ports(), s.volumes(),
                    s.environment(), s.dependsOn(), s.command(), s.entrypoint(), s.networks(), s.workingDir(), s.restart(),
                    s.containerName(), s.hostname(), s.labels(), s.tty(), s.stdinOpen(), s.user(), s.expose(),
                    s.stopSignal(), s.stopGraceSeconds(), s.init(), s.pullPolicy(), s.settings());
            new ServiceImages(ctx).build(project, withArgs, in.get(NO_CACHE), in.get(QUIET));
        }
    }
}
