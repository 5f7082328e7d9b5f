package io.github.dockerlessons.command.node;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.golang.Units;

import java.util.List;
import java.util.Map;

/** {@code docker node update}: a node's availability, role and labels; prints the node as named. */
public final class NodeUpdateCommand extends DeclaredCommand {
    private static final Flag<String> AVAILABILITY = Flag.string("availability");
    private static final Flag<String> ROLE = Flag.string("role");
    private static final Flag<List<String>> LABEL_ADD = Flag.list("label-add");
    private static final Flag<List<String>> LABEL_RM = Flag.list("label-rm");

    public NodeUpdateCommand() {
        super(CommandSpec.command("node update", "docker node update [OPTIONS] NODE")
                .flags(AVAILABILITY, LABEL_ADD, LABEL_RM, ROLE)
                .takes(Arity.exactly(1), Arguments.each(NameKind.NODE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        // As the CLI: the value goes to the engine as given, and the engine says what it takes.
        String availability = in.isSet(AVAILABILITY) ? in.get(AVAILABILITY) : null;
        NodeUpdates.update(ctx, in.args(), (node, spec) -> {
            if (in.isSet(ROLE)) {
                spec.addProperty("Role", in.get(ROLE));
            }
            if (availability != null) {
                spec.addProperty("Availability", availability);
            }
            JsonObject labels = spec.has("Labels") && spec.get("Labels").isJsonObject()
                    ? spec.getAsJsonObject("Labels") : new JsonObject();
            for (Map.Entry<String, String> label : Units.labels(in.get(LABEL_ADD)).entrySet()) {
                labels.addProperty(label.getKey(), label.getValue());
            }
            for (String key : in.get(LABEL_RM)) {
                if (!labels.has(key)) {
                    throw new DockerError(1, "key " + key + " doesn't exist in node's labels", null);
                }
                labels.remove(key);
            }
            spec.add("Labels", labels);
            return true;
        }, name -> name);
    }
}
