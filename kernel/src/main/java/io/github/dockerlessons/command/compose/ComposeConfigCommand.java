package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.CanonicalConfig;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker compose config}: the file checked and printed in Compose's canonical form (variables
 * substituted, defaults filled in, engine names of networks and volumes), or only the names of its
 * services, volumes, networks or images; -q only checks it.
 */
public final class ComposeConfigCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string("format");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> SERVICES = Flag.bool("services");
    private static final Flag<Boolean> VOLUMES = Flag.bool("volumes");
    private static final Flag<Boolean> NETWORKS = Flag.bool("networks");
    private static final Flag<Boolean> IMAGES = Flag.bool("images");

    public ComposeConfigCommand() {
        super(ComposeProjectFlags.forServices("compose config",
                "docker compose config [OPTIONS] [SERVICE...]", FORMAT, IMAGES, NETWORKS, QUIET, SERVICES, VOLUMES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String format = in.get(FORMAT) == null ? "yaml" : in.get(FORMAT);
        if (!format.equals("yaml") && !format.equals("json")) {
            throw new DockerError(1, "unsupported format \"" + format + "\"");
        }
        ComposeProject project = ComposeProjectFlags.load(in, ctx).project();
        List<ComposeProject.Service> chosen = ComposeProjectFlags.select(project, in.args(), ctx);
        if (in.get(QUIET)) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        if (in.get(SERVICES)) {
            chosen.forEach(s -> names.add(s.name()));
        } else if (in.get(VOLUMES)) {
            names.addAll(project.volumes().keySet());
        } else if (in.get(NETWORKS)) {
            names.addAll(project.networks().keySet());
        } else if (in.get(IMAGES)) {
            chosen.forEach(s -> names.add(ComposeNames.image(project.name(), s)));
        } else {
            Map<String, Object> config = CanonicalConfig.of(project, chosen);
            ctx.console().out(format.equals("json") ? CanonicalConfig.json(config) : CanonicalConfig.yaml(config));
            return;
        }
        ctx.console().out(names.isEmpty() ? "" : String.join("\n", names) + "\n");
    }
}
