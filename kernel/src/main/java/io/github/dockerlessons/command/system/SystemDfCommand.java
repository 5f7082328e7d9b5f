package io.github.dockerlessons.command.system;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.Table;

import java.util.List;
import java.util.Locale;

/** {@code docker system df}: disk use by images, containers, local volumes and the build cache. */
public final class SystemDfCommand extends DeclaredCommand {
    private static final List<Table.Column> COLUMNS = List.of(new Table.Column("TYPE", false),
            new Table.Column("TOTAL", false), new Table.Column("ACTIVE", false), new Table.Column("SIZE", false),
            new Table.Column("RECLAIMABLE", false));

    private static final Flag<Boolean> VERBOSE = Flag.bool('v', "verbose");

    public SystemDfCommand() {
        super(CommandSpec.command("system df", "docker system df [OPTIONS]")
                .flags(VERBOSE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        JsonObject df = ctx.untilDone(null, RawRequest.json(DockerHttpClient.Request.Method.GET, "/system/df")).getAsJsonObject();
        if (in.get(VERBOSE)) {
            ctx.console().out(SystemDfVerbose.text(df, ctx.clock().instant()));
            return;
        }
        Table table = new Table(COLUMNS, -1);
        // docker/cli's disk usage context: the images' total is the engine's LayersSize, and what is
        // reclaimable is that total less what images with containers use on their own.
        long imageActive = 0;
        long imageUsed = 0;
        List<JsonElement> images = list(df, "Images");
        for (JsonElement e : images) {
            JsonObject image = e.getAsJsonObject();
            if (image.get("Containers").getAsLong() != 0) {
                imageActive++;
                long virtual = image.has("VirtualSize") ? image.get("VirtualSize").getAsLong() : image.get("Size").getAsLong();
                long shared = image.has("SharedSize") ? image.get("SharedSize").getAsLong() : 0;
                if (virtual != -1 && shared != -1) {
                    imageUsed += virtual - shared;
                }
            }
        }
        long layersSize = df.has("LayersSize") ? df.get("LayersSize").getAsLong() : 0;
        table.add(row("Images", images.size(), imageActive, layersSize, layersSize - imageUsed, true));
        long containerSize = 0;
        long containerActive = 0;
        long containerReclaimable = 0;
        List<JsonElement> containers = list(df, "Containers");
        for (JsonElement e : containers) {
            JsonObject container = e.getAsJsonObject();
            long size = container.has("SizeRw") ? container.get("SizeRw").getAsLong() : 0;
            containerSize += size;
            if ("running".equals(container.get("State").getAsString())) {
                containerActive++;
            } else {
                containerReclaimable += size;
            }
        }
        table.add(row("Containers", containers.size(), containerActive, containerSize, containerReclaimable, true));
        long volumeSize = 0;
        long volumeActive = 0;
        long volumeReclaimable = 0;
        List<JsonElement> volumes = list(df, "Volumes");
        for (JsonElement e : volumes) {
            JsonObject usage = e.getAsJsonObject().getAsJsonObject("UsageData");
            long size = usage == null || usage.get("Size").getAsLong() == -1 ? 0 : usage.get("Size").getAsLong();
            long refs = usage == null ? 0 : usage.get("RefCount").getAsLong();
            volumeSize += size;
            if (refs > 0) {
                volumeActive++;
            } else {
                volumeReclaimable += size;
            }
        }
        table.add(row("Local Volumes", volumes.size(), volumeActive, volumeSize, volumeReclaimable, true));
        long cacheSize = 0;
        long cacheReclaimable = 0;
        List<JsonElement> cache = list(df, "BuildCache");
        for (JsonElement e : cache) {
            JsonObject record = e.getAsJsonObject();
            long size = record.get("Size").getAsLong();
            cacheSize += size;
            if (!record.get("InUse").getAsBoolean()) {
                cacheReclaimable += size;
            }
        }
        table.add(row("Build Cache", cache.size(), 0, cacheSize, cacheReclaimable, false));
        ctx.console().result(table.toBundle());
    }

    private static Table.Row row(String type, long total, long active, long size, long reclaimable, boolean percent) {
        String reclaim = GoText.humanSize(reclaimable, 4);
        if (percent && size > 0) {
            reclaim += String.format(Locale.ROOT, " (%d%%)", reclaimable * 100 / size); // Go's integer division
        }
        return new Table.Row(List.of(type, Long.toString(total), Long.toString(active), GoText.humanSize(size, 4),
                reclaim), null);
    }

    private static List<JsonElement> list(JsonObject df, String key) {
        JsonElement value = df.get(key);
        return value == null || !value.isJsonArray() ? List.of() : value.getAsJsonArray().asList();
    }
}
