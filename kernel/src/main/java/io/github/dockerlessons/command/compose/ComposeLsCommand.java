package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.golang.TabWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code docker compose ls}: the projects the engine's containers belong to (by their Compose
 * labels), each with its containers' states counted ("running(2)") and its Compose files; -a counts
 * stopped projects too.
 */
public final class ComposeLsCommand extends DeclaredCommand {
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<String> FILTER = Flag.string("filter").shownAs("filter");
    private static final Flag<String> FORMAT = Flag.string("format").defaultShownAs("\"table\"");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");

    public ComposeLsCommand() {
        super(CommandSpec.command("compose ls", "docker compose ls [OPTIONS]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(ALL, FILTER, FORMAT, QUIET)
                .arity(Arity.exactly(0)));
    }

    private record Stack(String name, String status, String configFiles) { }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        boolean json = ServiceTargets.isJson(in.get(FORMAT));
        Pattern name = nameFilter(in.get(FILTER));
        List<ContainerSummary> containers = ctx.read(ContainerSummary.list(in.get(ALL), false, 0,
                Map.of("label", List.of(ComposeNames.PROJECT, ComposeNames.CONFIG_HASH))));
        Map<String, List<ContainerSummary>> byProject = new TreeMap<>();
        for (ContainerSummary c : containers) {
            byProject.computeIfAbsent(ServiceTargets.label(c, ComposeNames.PROJECT), k -> new ArrayList<>()).add(c);
        }
        List<Stack> stacks = new ArrayList<>();
        byProject.forEach((project, members) -> {
            if (name == null || name.matcher(project).find()) {
                stacks.add(new Stack(project, status(members), configFiles(members)));
            }
        });
        StringBuilder out = new StringBuilder();
        if (in.get(QUIET)) {
            stacks.forEach(s -> out.append(s.name()).append('\n'));
        } else if (json) {
            List<Map<String, String>> view = new ArrayList<>();
            for (Stack s : stacks) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("Name", s.name());
                fields.put("Status", s.status());
                fields.put("ConfigFiles", s.configFiles());
                view.add(fields);
            }
            out.append(ServiceTargets.json(view)).append('\n');
        } else {
            StringBuilder tabbed = new StringBuilder("NAME\tSTATUS\tCONFIG FILES\n");
            stacks.forEach(s -> tabbed.append(s.name()).append('\t').append(s.status()).append('\t')
                    .append(s.configFiles()).append('\n'));
            // Compose's pretty sections: minimum width 20, padding 3
            out.append(new TabWriter(20, 3).format(tabbed.toString()));
        }
        ctx.console().out(out.toString());
    }

    private static Pattern nameFilter(String filter) throws DockerError {
        if (filter == null || filter.isEmpty()) {
            return null;
        }
        int eq = filter.indexOf('=');
        if (eq < 0) {
            throw new DockerError(1, "bad format of filter (expected name=value)");
        }
        if (!filter.substring(0, eq).equals("name")) {
            throw new DockerError(1, "invalid filter '" + filter.substring(0, eq) + "'");
        }
        try {
            return Pattern.compile(filter.substring(eq + 1));
        } catch (PatternSyntaxException e) {
            throw new DockerError(1, "invalid filter 'name=" + filter.substring(eq + 1) + "'");
        }
    }

    /** Compose's combinedStatus: each state with its count, states in alphabetical order. */
    private static String status(List<ContainerSummary> members) {
        Map<String, Integer> counts = new TreeMap<>();
        members.forEach(c -> counts.merge(c.getState() == null ? "" : c.getState(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> parts.add(state + "(" + n + ")"));
        return String.join(", ", parts);
    }

    private static String configFiles(List<ContainerSummary> members) {
        Set<String> files = new LinkedHashSet<>();
        for (ContainerSummary c : members) {
            String label = ServiceTargets.label(c, ComposeNames.CONFIG_FILES);
            if (label.isEmpty()) {
                return "N/A";
            }
            files.addAll(List.of(label.split(",")));
        }
        return String.join(",", files);
    }

}
