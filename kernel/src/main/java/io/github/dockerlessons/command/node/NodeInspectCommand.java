package io.github.dockerlessons.command.node;

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
import io.github.dockerlessons.command.core.Inspection;
import io.github.dockerlessons.render.NodePretty;

import java.util.ArrayList;
import java.util.List;

/** {@code docker node inspect [--pretty] NODE...}: the engine's JSON of each node ("self" is this engine's). */
public final class NodeInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");
    private static final Flag<Boolean> PRETTY = Flag.bool("pretty");

    public NodeInspectCommand() {
        super(CommandSpec.command("node inspect", "docker node inspect [OPTIONS] self|NODE [NODE...]")
                .flags(FORMAT, PRETTY)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.NODE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> names = new ArrayList<>();
        for (String name : in.args()) {
            names.add(NodeUpdates.reference(ctx, name));
        }
        if (in.get(PRETTY)) {
            if (in.get(FORMAT) != null && !in.get(FORMAT).isEmpty()) {
                throw new DockerError(1, "cannot supply extra formatting options to the pretty template", null);
            }
            StringBuilder out = new StringBuilder();
            for (String name : names) {
                out.append(NodePretty.of(SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/nodes/", name)))));
            }
            ctx.console().out(out.toString());
            return;
        }
        Inspection.inspectAll(ctx, names, "/nodes/", in.get(FORMAT));
    }
}
