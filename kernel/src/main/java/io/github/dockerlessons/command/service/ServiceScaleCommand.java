package io.github.dockerlessons.command.service;

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
import io.github.dockerlessons.command.swarm.SwarmApi;

import java.util.ArrayList;
import java.util.List;

/** {@code docker service scale SERVICE=REPLICAS...}: each replicated service set to its count, then followed unless -d. */
public final class ServiceScaleCommand extends DeclaredCommand {
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");

    public ServiceScaleCommand() {
        super(CommandSpec.command("service scale",
                        "docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]")
                .flags(DETACH)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        for (String arg : in.args()) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || eq == arg.length() - 1) {
                throw new DockerError(1, "invalid scale specifier '" + arg + "'.\nSee 'docker service scale --help'.\n\n"
                        + "Usage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\n"
                        + "Scale one or multiple replicated services", "hint.service.scale");
            }
        }
        List<String> errors = new ArrayList<>();
        List<String[]> scaled = new ArrayList<>();
        for (String arg : in.args()) {
            int eq = arg.indexOf('=');
            String name = arg.substring(0, eq);
            try {
                long replicas = ServiceCreateCommand.replicas(arg.substring(eq + 1));
                JsonObject service = Services.inspect(ctx, name);
                JsonObject spec = Services.specOf(service);
                JsonObject replicated = SwarmApi.at(spec, "Mode", "Replicated");
                if (replicated == null) {
                    throw new DockerError(1, "scale can only be used with replicated or replicated-job mode", null);
                }
                replicated.addProperty("Replicas", replicas);
                Services.update(ctx, service, spec);
                ctx.console().out(name + " scaled to " + replicas + "\n");
                scaled.add(new String[]{SwarmApi.text(service, "ID"), name});
            } catch (DockerError e) {
                if (e.status() == 130) {
                    throw e;
                }
                errors.add(e.cliText());
            }
        }
        if (!in.get(DETACH)) {
            for (String[] id : scaled) {
                ServiceProgress.follow(ctx, id[0], id[1], false, false);
            }
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors), null);
        }
    }
}
