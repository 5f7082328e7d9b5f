package io.github.dockerlessons.command.stack;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code docker stack ls}: each stack (the namespace label of services) and how many services it has. */
public final class StackLsCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = CommonFlags.format("Name", "Services");
    private static final String DEFAULT_TABLE = "table {{.Name}}\t{{.Services}}";
    private static final Map<String, String> HEADERS = Map.of("Name", "NAME", "Services", "SERVICES");

    public StackLsCommand() {
        super(CommandSpec.command("stack ls", "docker stack ls [OPTIONS]")
                .aliases("docker stack ls", "docker stack list")
                .flags(FORMAT));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, Integer> stacks = new TreeMap<>(NaturalOrder.INSTANCE);
        for (JsonObject service : SwarmApi.list(ctx, "/services", Map.of("label", List.of(Stacks.NAMESPACE)))) {
            String name = SwarmApi.text(service, "Spec", "Labels", Stacks.NAMESPACE);
            stacks.merge(name, 1, Integer::sum);
        }
        String format = in.get(FORMAT);
        String template = SwarmApi.template(format, false, DEFAULT_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        stacks.forEach((name, count) -> rows.add(row(name, String.valueOf(count))));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows, row("", ""), null)));
    }

    private static FieldContext row(String name, String services) {
        return new FieldContext("formatter.stackContext", HEADERS, Map.of())
                .put("Name", () -> name)
                .put("Services", () -> services);
    }
}
