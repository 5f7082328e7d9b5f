package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.TaskFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's task.Print, shared by {@code service ps} and {@code node ps}: each task named after its
 * service and slot (or node, for a global service), sorted by name and newest first, the older tasks
 * of a slot indented under the newest in a table, nodes by hostname unless --no-resolve.
 */
public final class TaskListing {
    /** The flags service ps and node ps share; each adds its own --filter keys. */
    public static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    public static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    public static final Flag<Boolean> NO_RESOLVE = Flag.bool("no-resolve");
    public static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "Image", "Node", "DesiredState",
            "CurrentState", "Error", "Ports");

    private final CommandContext ctx;
    private final boolean resolve;
    private final Map<String, String> names = new HashMap<>();

    public TaskListing(CommandContext ctx, boolean resolve) {
        this.ctx = ctx;
        this.resolve = resolve;
    }

    /** The tasks {@code GET /tasks} lists with these filters; a node filter's "self" is this engine's own node, as the CLI reads it. */
    public List<JsonObject> tasks(Map<String, List<String>> filters) throws DockerError, InterruptedException {
        if (filters.containsKey("node")) {
            List<String> nodes = new ArrayList<>();
            for (String node : filters.get("node")) {
                nodes.add(node.equals("self") ? SwarmApi.text(SwarmApi.swarmInfo(ctx), "NodeID") : node);
            }
            filters.put("node", nodes);
        }
        return SwarmApi.list(ctx, "/tasks", filters);
    }

    /** Prints the tasks with the user's format (null: the table; IDs alone with quiet). */
    public void print(List<JsonObject> tasks, String format, boolean quiet, boolean truncate)
            throws DockerError, InterruptedException {
        record Named(JsonObject task, String name, String created) {
        }
        List<Named> named = new ArrayList<>();
        for (JsonObject task : tasks) {
            String service = resolveName("/services/", SwarmApi.text(task, "ServiceID"), "Spec", "Name");
            String slot = SwarmApi.text(task, "Slot");
            String name = service + "." + (slot.isEmpty() || slot.equals("0") ? SwarmApi.text(task, "NodeID") : slot);
            named.add(new Named(task, name, SwarmApi.text(task, "CreatedAt")));
        }
        // Stable: by name in natural order, then the newest first (RFC 3339 times of one engine sort as text).
        named.sort(Comparator.comparing(Named::name, NaturalOrder.INSTANCE)
                .thenComparing(Named::created, Comparator.reverseOrder()));
        boolean table = format == null || format.isEmpty() || format.startsWith("table");
        String template = SwarmApi.template(format, quiet, TaskFields.DEFAULT_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        String previous = "";
        for (Named n : named) {
            String shown = table && n.name().equals(previous) ? " \\_ " + n.name() : n.name();
            previous = n.name();
            String node = resolveName("/nodes/", SwarmApi.text(n.task(), "NodeID"), "Description", "Hostname");
            rows.add(TaskFields.of(n.task(), shown, node, truncate, ctx.clock().instant()));
        }
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows, TaskFields.empty(), null)));
    }

    /** The CLI's idresolver: an object's name for its ID, the ID itself when not resolving or not found. */
    private String resolveName(String prefix, String id, String... field) throws InterruptedException, DockerError {
        if (!resolve || id.isEmpty()) {
            return id;
        }
        String key = prefix + id;
        if (!names.containsKey(key)) {
            String name;
            try {
                name = SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path(prefix, id))), field);
            } catch (DockerError e) {
                if (e.status() == 130) {
                    throw e;
                }
                name = "";
            }
            names.put(key, name.isEmpty() ? id : name);
        }
        return names.get(key);
    }
}
