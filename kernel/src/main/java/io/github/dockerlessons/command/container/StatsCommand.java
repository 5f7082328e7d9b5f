package io.github.dockerlessons.command.container;

import io.github.dockerlessons.api.ContainerSummary;
import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.StatsChart;
import io.github.dockerlessons.render.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker stats --no-stream}: one reading of CPU, memory, network, block I/O and processes per
 * running container, computed as the CLI computes them from the engine's statistics.
 */
public final class StatsCommand extends DeclaredCommand {
    private static final Flag<Boolean> NO_STREAM = Flag.bool("no-stream");
    private static final Flag<Boolean> ALL = Flag.bool('a', "all");
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "CPUPerc", "MemUsage", "MemPerc",
            "NetIO", "BlockIO", "PIDs");

    public StatsCommand() {
        super(CommandSpec.command("stats", "docker stats [OPTIONS] [CONTAINER...]")
                .aliases("docker container stats", "docker stats")
                .flags(ALL, FORMAT, NO_STREAM, NO_TRUNC)
                .takes(Arity.atLeast(0), Arguments.each(NameKind.RUNNING_CONTAINER)));
    }

    private static final String DEFAULT_TABLE =
            "{{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
    private static final Map<String, String> HEADERS = Map.of("ID", "CONTAINER ID", "Container", "CONTAINER",
            "Name", "NAME", "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO", "NET I/O",
            "BlockIO", "BLOCK I/O", "PIDs", "PIDS");

    /** docker/cli's statsOptions, one per run. */
    private record Options(boolean noStream, boolean all, boolean noTrunc, String format, List<String> containers) {
        static Options of(Invocation in) {
            return new Options(in.get(NO_STREAM), in.get(ALL), in.get(NO_TRUNC), in.get(FORMAT), in.args());
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = Options.of(in);
        List<String> targets = new ArrayList<>(o.containers());
        if (targets.isEmpty()) {
            List<ContainerSummary> running = ctx.read(ContainerSummary.list(o.all(), false, 0, Map.of()));
            running.forEach(c -> targets.add(c.getId()));
        }
        if (o.noStream()) {
            Templates.answer(ctx, reading(ctx, targets, o, null));
            return;
        }
        // Live: one table and a chart of the recent samples, replaced in place, until the stop button.
        String display = null;
        Map<String, StatsChart.Series> history = new LinkedHashMap<>();
        while (!ctx.cancellation().isCancelled()) {
            Bundle table = withChart(ctx, reading(ctx, targets, o, history), history);
            if (display == null) {
                display = ctx.console().showUpdatable(table);
            } else {
                ctx.console().update(display, table);
            }
            Thread.sleep(200);
        }
    }

    /** How many samples the live chart keeps per container. */
    private static final int SAMPLES = 60;

    private static Bundle withChart(CommandContext ctx, Bundle table, Map<String, StatsChart.Series> history) {
        Object html = table.data().get("text/html");
        if (html == null || history.isEmpty()) {
            return table;
        }
        String chart = StatsChart.svg(history, ctx.messages().get("stats.chart.cpu"), ctx.messages().get("stats.chart.memory"));
        return Bundle.text(table.plainText()).with("text/html", html + "<div class=\"docker-stats-chart\">" + chart + "</div>");
    }

    /** One reading of every target; with {@code history}, its figures are also kept for the chart. */
    private static Bundle reading(CommandContext ctx, List<String> targets, Options o,
                                  Map<String, StatsChart.Series> history) throws DockerError, DaemonError, InterruptedException {
        List<FieldContext> rows = new ArrayList<>();
        for (String target : targets) {
            JsonObject stats = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                    "/containers/" + Engine.encode(target) + "/stats?stream=false")).getAsJsonObject();
            Table.Row row = row(stats, target, !o.noTrunc());
            List<String> cells = row.cells();
            if (history != null) {
                StatsChart.Series series = history.computeIfAbsent(cells.get(1),
                        n -> new StatsChart.Series(new ArrayList<>(), new ArrayList<>()));
                series.cpuPercent().add(cpuPercent(stats));
                series.memoryBytes().add(memoryUsage(stats));
                if (series.cpuPercent().size() > SAMPLES) {
                    series.cpuPercent().remove(0);
                    series.memoryBytes().remove(0);
                }
            }
            FieldContext context = new FieldContext(HEADERS, Map.of());
            String[] names = {"ID", "Name", "CPUPerc", "MemUsage", "MemPerc", "NetIO", "BlockIO", "PIDs"};
            for (int i = 0; i < names.length; i++) {
                String value = cells.get(i);
                context.put(names[i], () -> value);
            }
            context.put("Container", () -> target);
            rows.add(context);
        }
        return Templates.render(() -> ListingFormat.render(
                o.format() == null || o.format().isEmpty() ? "table" : o.format(), rows, DEFAULT_TABLE, -1, null));
    }

    /** CPU use as the CLI computes it: the container's share of the system's time since the last sample. */
    static double cpuPercent(JsonObject s) {
        double cpu = 0;
        JsonObject cpuStats = s.getAsJsonObject("cpu_stats");
        JsonObject preCpu = s.getAsJsonObject("precpu_stats");
        if (cpuStats != null && preCpu != null && cpuStats.has("system_cpu_usage") && preCpu.has("system_cpu_usage")) {
            double cpuDelta = number(cpuStats.getAsJsonObject("cpu_usage"), "total_usage")
                    - number(preCpu.getAsJsonObject("cpu_usage"), "total_usage");
            double systemDelta = number(cpuStats, "system_cpu_usage") - number(preCpu, "system_cpu_usage");
            double cpus = cpuStats.has("online_cpus") ? number(cpuStats, "online_cpus") : 1;
            if (systemDelta > 0 && cpuDelta > 0) {
                cpu = cpuDelta / systemDelta * cpus * 100;
            }
        }
        return cpu;
    }

    /** Memory use as the CLI shows it: without the page cache. */
    static double memoryUsage(JsonObject s) {
        JsonObject memory = s.getAsJsonObject("memory_stats");
        double usage = number(memory, "usage");
        JsonObject memoryDetail = memory == null ? null : memory.getAsJsonObject("stats");
        // The CLI subtracts the page cache: inactive_file (cgroup v2) or total_inactive_file (v1).
        if (memoryDetail != null) {
            double cache = memoryDetail.has("inactive_file") ? number(memoryDetail, "inactive_file")
                    : number(memoryDetail, "total_inactive_file");
            if (cache < usage) {
                usage -= cache;
            }
        }
        return usage;
    }

    static Table.Row row(JsonObject s, String target, boolean truncate) {
        String id = s.has("id") ? s.get("id").getAsString() : target;
        String name = s.has("name") ? s.get("name").getAsString().replaceFirst("^/", "") : target;
        double cpu = cpuPercent(s);
        double usage = memoryUsage(s);
        double limit = number(s.getAsJsonObject("memory_stats"), "limit");
        double rx = 0;
        double tx = 0;
        JsonObject networks = s.getAsJsonObject("networks");
        if (networks != null) {
            for (var entry : networks.entrySet()) {
                rx += number(entry.getValue().getAsJsonObject(), "rx_bytes");
                tx += number(entry.getValue().getAsJsonObject(), "tx_bytes");
            }
        }
        double read = 0;
        double write = 0;
        JsonObject blkio = s.getAsJsonObject("blkio_stats");
        JsonElement io = blkio == null ? null : blkio.get("io_service_bytes_recursive");
        if (io != null && io.isJsonArray()) {
            for (JsonElement e : io.getAsJsonArray()) {
                String op = e.getAsJsonObject().get("op").getAsString().toLowerCase(Locale.ROOT);
                double value = number(e.getAsJsonObject(), "value");
                if (op.equals("read")) {
                    read += value;
                } else if (op.equals("write")) {
                    write += value;
                }
            }
        }
        long pids = (long) number(s.getAsJsonObject("pids_stats"), "current");
        return new Table.Row(List.of(ContainerTable.id(id, truncate), name,
                String.format(Locale.ROOT, "%.2f%%", cpu),
                GoText.binarySize(usage) + " / " + GoText.binarySize(limit),
                String.format(Locale.ROOT, "%.2f%%", limit > 0 ? usage / limit * 100 : 0),
                GoText.humanSize(rx) + " / " + GoText.humanSize(tx),
                GoText.humanSize(read) + " / " + GoText.humanSize(write),
                Long.toString(pids)), null);
    }

    private static double number(JsonObject object, String key) {
        if (object == null || !object.has(key) || object.get(key).isJsonNull()) {
            return 0;
        }
        return object.get(key).getAsDouble();
    }
}
