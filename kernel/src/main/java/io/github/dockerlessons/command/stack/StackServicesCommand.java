package io.github.dockerlessons.command.stack;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.ServiceFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code docker stack services STACK}: the stack's services as {@code service ls} shows them. */
public final class StackServicesCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("id", "label", "mode", "name");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "Mode", "Replicas", "Image", "Ports");

    public StackServicesCommand() {
        super(CommandSpec.command("stack services", "docker stack services [OPTIONS] STACK")
                .flags(FILTER, FORMAT, QUIET)
                .takes(Arity.exactly(1), Arguments.each(NameKind.STACK)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        String stack = in.arg(0);
        Stacks.checkName(stack);
        List<JsonObject> services = SwarmApi.list(ctx, in.get(QUIET) ? "/services" : "/services?status=true",
                Stacks.filters(stack, Filters.parse(in.get(FILTER), in)));
        if (services.isEmpty()) {
            ctx.console().err("Nothing found in stack: " + stack + "\n");
            return;
        }
        services.sort(Comparator.comparing(s -> SwarmApi.text(s, "Spec", "Name"), NaturalOrder.INSTANCE));
        String template = SwarmApi.template(in.get(FORMAT), in.get(QUIET), ServiceFields.DEFAULT_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        services.forEach(s -> rows.add(ServiceFields.of(s)));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows, ServiceFields.empty(), null)));
    }
}
