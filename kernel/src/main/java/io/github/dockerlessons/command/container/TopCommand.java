package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.golang.TabWriter;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Table;

import java.util.ArrayList;
import java.util.List;

/** {@code docker top}: the container's processes, as the engine's ps reports them. */
public final class TopCommand extends DeclaredCommand {
    public TopCommand() {
        super(CommandSpec.command("top", "docker top CONTAINER [ps OPTIONS]")
                .aliases("docker container top", "docker top")
                .takes(Arity.atLeast(1), Arguments.first(NameKind.RUNNING_CONTAINER))
                .flagsEndAtFirstArgument());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        List<String> psArgs = in.argsFrom(1);
        var top = ctx.answer(client -> {
            var cmd = client.topContainerCmd(Engine.pathSegment(in.arg(0)));
            if (!psArgs.isEmpty()) {
                cmd.withPsArgs(String.join(" ", psArgs));
            }
            return cmd.exec();
        });
        List<List<String>> lines = new ArrayList<>();
        lines.add(withEmptyLast(List.of(top.getTitles())));
        for (String[] process : top.getProcesses()) {
            lines.add(withEmptyLast(List.of(process)));
        }
        // docker top's own writer: minimum width 20, padding 3; every cell ends with a tab.
        String text = new TabWriter(20, 3).format(lines).replaceAll("(?m) +$", "");
        ctx.console().result(Bundle.text(text).with("text/html", html(top.getTitles(), top.getProcesses())));
    }

    /** The same processes as a notebook table; the command line (CMD, COMMAND, ARGS) set as code. */
    private static String html(String[] titles, String[][] processes) {
        List<Table.Column> columns = new ArrayList<>();
        for (String title : titles) {
            columns.add(new Table.Column(title, title.equals("CMD") || title.equals("COMMAND") || title.equals("ARGS")));
        }
        Table table = new Table(columns, -1);
        for (String[] process : processes) {
            List<String> cells = new ArrayList<>(List.of(process));
            while (cells.size() < titles.length) {
                cells.add("");
            }
            table.add(new Table.Row(cells.subList(0, titles.length), null));
        }
        return table.toHtml();
    }

    private static List<String> withEmptyLast(List<String> cells) {
        List<String> out = new ArrayList<>(cells);
        out.add("");
        return out;
    }
}
