package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.render.TabWriter;

import java.util.ArrayList;
import java.util.List;

/** {@code docker top}: the container's processes, as the engine's ps reports them. */
public final class TopCommand extends DockerCommand {
    @Override
    public String name() {
        return "top";
    }

    @Override
    public String usage() {
        return "docker top CONTAINER [ps OPTIONS]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container top", "docker top");
    }

    @Override
    public boolean flagsEndAtFirstArgument() {
        return true;
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        var top = engine(ctx, client -> {
            var cmd = client.topContainerCmd(args.get(0));
            if (args.size() > 1) {
                cmd.withPsArgs(String.join(" ", args.subList(1, args.size())));
            }
            return cmd.exec();
        });
        List<List<String>> lines = new ArrayList<>();
        List<String> titles = List.of(top.getTitles());
        lines.add(withEmptyLast(titles));
        for (String[] process : top.getProcesses()) {
            lines.add(withEmptyLast(List.of(process)));
        }
        // docker top's own writer: minimum width 20, padding 3; every cell ends with a tab.
        ctx.console().out(new TabWriter(20, 3).format(lines).replaceAll("(?m) +$", ""));
    }

    private static List<String> withEmptyLast(List<String> cells) {
        List<String> out = new ArrayList<>(cells);
        out.add("");
        return out;
    }
}
