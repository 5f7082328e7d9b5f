package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.ProjectLoader;
import io.github.dockerlessons.render.ContainerFields;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code docker compose ps}: the project's containers as Compose's table shows them (NAME, IMAGE,
 * COMMAND, SERVICE, CREATED, STATUS, PORTS), found by the project's labels; -a adds stopped ones,
 * -q prints IDs, --services the services, --format a template or json.
 */
public final class ComposePsCommand extends DeclaredCommand {
    private static final String DEFAULT_TABLE =
            "{{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";
    private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("ID", "CONTAINER ID"),
            Map.entry("Name", "NAME"), Map.entry("Names", "NAMES"), Map.entry("Project", "PROJECT"),
            Map.entry("Service", "SERVICE"), Map.entry("Image", "IMAGE"), Map.entry("Command", "COMMAND"),
            Map.entry("CreatedAt", "CREATED AT"), Map.entry("RunningFor", "CREATED"), Map.entry("Ports", "PORTS"),
            Map.entry("State", "STATE"), Map.entry("Status", "STATUS"), Map.entry("Labels", "LABELS"),
            Map.entry("Health", "HEALTH"), Map.entry("ExitCode", "EXIT CODE"), Map.entry("Networks", "NETWORKS"));

    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> SERVICES = Flag.bool("services");
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<String> FORMAT = CommonFlags.format("Name", "Image", "Command", "Service", "RunningFor",
            "Status", "Ports", "State", "ID");
    private static final Flag<List<String>> STATUS = Flag.list("status").shownAs("stringArray");
    private static final Flag<String> FILTER = Flag.string("filter");

    public ComposePsCommand() {
        super(ComposeProjectFlags.forServices("compose ps",
                "docker compose ps [OPTIONS] [SERVICE...]", ALL, FILTER, FORMAT, NO_TRUNC, QUIET, SERVICES, STATUS));
    }

    /** compose's psOptions, one per run. */
    private record Options(boolean all, boolean quiet, boolean services, boolean noTrunc, String format,
                           List<String> statuses, List<String> names) {
        static Options of(Invocation in) throws DockerError {
            List<String> statuses = new ArrayList<>(in.get(STATUS));
            String filter = in.get(FILTER);
            if (filter != null && !filter.isEmpty()) {
                int eq = filter.indexOf('=');
                if (eq < 0) {
                    throw new DockerError(1, "arguments to --filter should be in form KEY=VAL");
                }
                String key = filter.substring(0, eq);
                if (!key.equals("status")) {
                    throw new DockerError(1, "unknown filter " + key);
                }
                statuses.add(filter.substring(eq + 1));
            }
            String format = in.get(FORMAT);
            return new Options(in.get(ALL) || !statuses.isEmpty(), in.get(QUIET), in.get(SERVICES), in.get(NO_TRUNC),
                    format == null || format.isEmpty() ? "table" : format, statuses, in.args());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        Options o = Options.of(in);
        String project;
        if (ProjectLoader.hasFile(ComposeProjectFlags.options(in))) {
            ComposeProject loaded = ComposeProjectFlags.load(in, ctx).project();
            for (String name : o.names()) {
                if (!loaded.services().containsKey(name)) {
                    throw new DockerError(1, "no such service: " + name);
                }
            }
            project = loaded.name();
        } else {
            project = ComposeProjectFlags.projectName(in, ctx);
        }
        List<ContainerSummary> containers = new ArrayList<>(new ProjectContainers(ctx).containers(project, o.all(), o.names(),
                o.all()));
        if (!o.statuses().isEmpty()) {
            containers.removeIf(c -> !o.statuses().contains(c.getState()));
        }
        if (o.quiet()) {
            StringBuilder ids = new StringBuilder();
            containers.forEach(c -> ids.append(c.getId()).append('\n'));
            ctx.console().out(ids.toString());
            return;
        }
        if (o.services()) {
            Set<String> services = new LinkedHashSet<>();
            containers.forEach(c -> services.add(ProjectContainers.service(c)));
            ctx.console().out(String.join("\n", services) + "\n");
            return;
        }
        Instant now = ctx.clock().instant();
        List<FieldContext> rows = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (ContainerSummary c : containers) {
            rows.add(fields(c, !o.noTrunc(), now));
            states.add(state(c));
        }
        // the header row comes from a context of Compose's own fields, so a project with no container still
        // shows NAME and SERVICE (the listings' common headers know neither)
        String format = o.format().equals("table") ? "table " + DEFAULT_TABLE : o.format();
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(format, rows, new FieldContext(HEADERS, Map.of()),
                states)));
    }

    /** Compose's ContainerContext: the fields its templates know. */
    private static FieldContext fields(ContainerSummary c, boolean truncate, Instant now) {
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        FieldContext context = new FieldContext(HEADERS, labels);
        context.put("Command", () -> ContainerTable.command(c.getCommand(), truncate))
                .put("CreatedAt", () -> ContainerFields.goTime(c.getCreated() == null ? 0 : c.getCreated()))
                .put("ExitCode", () -> exitCode(c))
                .put("Health", () -> health(c))
                .put("ID", () -> ContainerTable.id(c.getId(), truncate))
                .put("Image", () -> c.getImage() == null ? "" : c.getImage())
                .put("Labels", () -> String.join(",", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toList()))
                .put("Name", () -> ProjectContainers.name(c))
                .put("Names", () -> ProjectContainers.name(c))
                .put("Networks", () -> String.join(",", new TreeSet<>(c.getNetworkNames())))
                .put("Ports", () -> ContainerTable.ports(c.getPorts()))
                .put("Project", () -> labels.getOrDefault(ComposeNames.PROJECT, ""))
                .put("RunningFor", () -> ContainerTable.created(c.getCreated(), now))
                .put("Service", () -> labels.getOrDefault(ComposeNames.SERVICE, ""))
                .put("State", () -> c.getState() == null ? "" : c.getState())
                .put("Status", () -> c.getStatus() == null ? "" : c.getStatus());
        return context;
    }

    private static String exitCode(ContainerSummary c) {
        String status = c.getStatus() == null ? "" : c.getStatus();
        if (status.startsWith("Exited (")) {
            return status.substring(8, status.indexOf(')'));
        }
        return "0";
    }

    private static String health(ContainerSummary c) {
        String status = c.getStatus() == null ? "" : c.getStatus();
        for (String health : List.of("healthy", "unhealthy", "starting")) {
            if (status.contains("(" + health + ")") || status.contains("(health: " + health + ")")) {
                return health;
            }
        }
        return "";
    }

    private static String state(ContainerSummary c) {
        String state = c.getState() == null ? "" : c.getState();
        if (state.equals("exited")) {
            return c.getStatus() != null && c.getStatus().startsWith("Exited (0)") ? "exited" : "exited-error";
        }
        return state.isEmpty() ? null : state;
    }
}
