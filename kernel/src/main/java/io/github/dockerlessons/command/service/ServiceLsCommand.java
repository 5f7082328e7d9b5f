package io.github.dockerlessons.command.service;

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
import io.github.dockerlessons.render.ServiceFields;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker service ls}: the services by name, with running/desired replicas as the engine counts them. */
public final class ServiceLsCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("id", "label", "mode", "name");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "Mode", "Replicas", "Image", "Ports");

    public ServiceLsCommand() {
        super(CommandSpec.command("service ls", "docker service ls [OPTIONS]")
                .aliases("docker service ls", "docker service list")
                .flags(FILTER, FORMAT, QUIET));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, List<String>> filters = Filters.parse(in.get(FILTER), in);
        List<JsonObject> services = SwarmApi.list(ctx, "/services?status=true", filters);
        services.sort(Comparator.comparing(s -> SwarmApi.text(s, "Spec", "Name"), NaturalOrder.INSTANCE));
        String template = SwarmApi.template(in.get(FORMAT), in.get(QUIET), ServiceFields.DEFAULT_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        services.forEach(s -> rows.add(ServiceFields.of(s)));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows, ServiceFields.empty(), null)));
    }
}
