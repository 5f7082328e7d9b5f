package io.github.dockerlessons.command.node;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.NodeFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker node ls}: the swarm's nodes by hostname, this engine's own marked with *. */
public final class NodeLsCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("id", "label", "membership", "name",
            "node.label", "role");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Self", "Hostname", "Status", "Availability",
            "ManagerStatus", "EngineVersion", "TLSStatus");

    public NodeLsCommand() {
        super(CommandSpec.command("node ls", "docker node ls [OPTIONS]")
                .aliases("docker node ls", "docker node list")
                .flags(FILTER, FORMAT, QUIET));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, List<String>> filters = Filters.parse(in.get(FILTER), in);
        List<JsonObject> nodes = SwarmApi.list(ctx, "/nodes", filters);
        String self = "";
        String trustRoot = "";
        if (!nodes.isEmpty() && !in.get(QUIET)) {
            JsonObject swarm = SwarmApi.swarmInfo(ctx);
            self = SwarmApi.text(swarm, "NodeID");
            trustRoot = SwarmApi.text(swarm, "Cluster", "TLSInfo", "TrustRoot");
        }
        nodes.sort(Comparator.comparing(n -> SwarmApi.text(n, "Description", "Hostname"), NaturalOrder.INSTANCE));
        String template = SwarmApi.template(in.get(FORMAT), in.get(QUIET), NodeFields.DEFAULT_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        for (JsonObject node : nodes) {
            rows.add(NodeFields.of(node, self, trustRoot));
        }
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows, NodeFields.empty(), null)));
    }
}
