package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.golang.TabWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code docker compose images}: the image each of the services' containers runs, as Compose's table. */
public final class ComposeImagesCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<String> FORMAT = Flag.string("format").defaultShownAs("\"table\"");

    public ComposeImagesCommand() {
        super(CommandSpec.command("compose images", "docker compose images [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(FORMAT, QUIET)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        boolean asJson = ServiceTargets.isJson(in.get(FORMAT));
        List<ContainerSummary> containers = ServiceTargets.of(in, ctx, in.args(), true);
        StringBuilder tabbed = new StringBuilder("CONTAINER\tREPOSITORY\tTAG\tIMAGE ID\tSIZE\n");
        List<Map<String, Object>> json = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (ContainerSummary c : containers) {
            InspectImageResponse image = ctx.answer(client -> client.inspectImageCmd(Engine.pathSegment(c.getImageId())).exec());
            String id = image.getId() == null ? c.getImageId() : image.getId();
            ids.add(id);
            String[] repoTag = repoTag(image, c.getImage());
            long size = image.getSize() == null ? 0 : image.getSize();
            String name = ProjectContainers.name(c);
            tabbed.append(name).append('\t').append(repoTag[0]).append('\t').append(repoTag[1]).append('\t')
                    .append(shortId(id)).append('\t').append(GoText.humanSize(size, 3)).append('\n');
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("ID", id);
            fields.put("ContainerName", name);
            fields.put("Repository", repoTag[0]);
            fields.put("Tag", repoTag[1]);
            fields.put("Size", size);
            json.add(fields);
        }
        if (in.get(QUIET)) {
            ctx.console().out(ids.isEmpty() ? "" : String.join("\n", ids) + "\n");
        } else if (asJson) {
            ctx.console().out(ServiceTargets.json(json) + "\n");
        } else {
            ctx.console().out(new TabWriter(20, 3).format(tabbed.toString()));
        }
    }

    /** The repository and tag the container's image goes by ("<none>" for either it lacks). */
    private static String[] repoTag(InspectImageResponse image, String asCreated) {
        List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
        String chosen = tags.contains(asCreated) ? asCreated : tags.isEmpty() ? null : tags.get(0);
        if (chosen == null) {
            return new String[]{"<none>", "<none>"};
        }
        int colon = chosen.lastIndexOf(':');
        if (colon < 0 || colon < chosen.lastIndexOf('/')) {
            return new String[]{chosen, "latest"};
        }
        return new String[]{chosen.substring(0, colon), chosen.substring(colon + 1)};
    }

    private static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }
}
