package io.github.dockerlessons.command.service;

import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.core.Inspection;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.render.ServicePretty;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code docker service inspect SERVICE...}: the engine's JSON of each service, or a template over
 * it, or with --pretty the CLI's human friendly text.
 */
public final class ServiceInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");
    private static final Flag<Boolean> PRETTY = Flag.bool("pretty");

    public ServiceInspectCommand() {
        super(CommandSpec.command("service inspect", "docker service inspect [OPTIONS] SERVICE [SERVICE...]")
                .flags(FORMAT, PRETTY)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        if (in.get(PRETTY) && in.get(FORMAT) != null && !in.get(FORMAT).isEmpty()) {
            throw new DockerError(1, "--format is incompatible with human friendly format", null);
        }
        if (!in.get(PRETTY)) {
            Inspection.inspectAll(ctx, in.args(), "/services/", in.get(FORMAT));
            return;
        }
        // the CLI's pretty template: services as the engine fills in their defaults, the first missing one ends it
        StringBuilder out = new StringBuilder();
        for (String name : in.args()) {
            out.append(pretty(ctx, name));
        }
        ctx.console().out(out.toString()); // written at the end, as the CLI's formatter (nothing when one is missing)
    }

    private static String pretty(CommandContext ctx, String name) throws DockerError, InterruptedException {
        JsonObject service;
        try {
            service = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/services/", name) + "?insertDefaults=true"));
        } catch (DockerError e) {
            if (e.status() == 130 || !e.cliText().contains("not found")) {
                throw e;
            }
            throw new DockerError(1, "Error: no such service: " + name, null);
        }
        // the networks by name, where the engine still knows them (the CLI's getNetwork)
        Map<String, String> networks = new HashMap<>();
        JsonObject task = SwarmApi.at(service, "Spec", "TaskTemplate");
        JsonElement attached = task == null ? null : task.get("Networks");
        if (attached != null && attached.isJsonArray()) {
            for (JsonElement network : attached.getAsJsonArray()) {
                String target = SwarmApi.text(network.getAsJsonObject(), "Target");
                try {
                    networks.put(target, SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx,
                            SwarmApi.path("/networks/", target) + "?scope=swarm")), "Name"));
                } catch (DockerError e) {
                    if (e.status() == 130) {
                        throw e;
                    }
                }
            }
        }
        return ServicePretty.of(service, networks, ctx.clock().instant());
    }
}
