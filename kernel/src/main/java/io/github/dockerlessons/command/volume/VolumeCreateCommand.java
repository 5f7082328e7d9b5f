package io.github.dockerlessons.command.volume;

import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.golang.Units;

import java.util.List;
import java.util.Map;

/** {@code docker volume create}: a named (or engine-named) volume; prints its name. */
public final class VolumeCreateCommand extends DeclaredCommand {
    private static final Flag<String> DRIVER = Flag.of('d', "driver", FlagType.STRING, "local");
    private static final Flag<List<String>> LABEL = Flag.list("label");

    public VolumeCreateCommand() {
        super(CommandSpec.command("volume create", "docker volume create [OPTIONS] [VOLUME]")
                .flags(DRIVER, LABEL)
                .arity(Arity.atMost(1)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Map<String, String> labels = Units.labels(in.get(LABEL));
        String name = ctx.answer(client -> {
            var cmd = client.createVolumeCmd().withDriver(in.get(DRIVER));
            if (!in.args().isEmpty()) {
                cmd.withName(in.arg(0));
            }
            if (!labels.isEmpty()) {
                cmd.withLabels(labels);
            }
            return cmd.exec().getName();
        });
        ctx.console().out(name + "\n");
    }
}
