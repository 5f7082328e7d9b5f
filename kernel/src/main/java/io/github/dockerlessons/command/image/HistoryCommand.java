package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.RawApi;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.GoText;
import io.github.dockerlessons.render.Table;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker history}: the layers of an image, newest first, as the CLI's table. */
public final class HistoryCommand extends DockerCommand {
    private static final List<Table.Column> COLUMNS = List.of(new Table.Column("IMAGE", true),
            new Table.Column("CREATED", false), new Table.Column("CREATED BY", true), new Table.Column("SIZE", false),
            new Table.Column("COMMENT", false));

    @Option(names = "--no-trunc")
    boolean noTrunc;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Option(names = {"-H", "--human"}, arity = "1", paramLabel = "")
    boolean human = true;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String usage() {
        return "docker history [OPTIONS] IMAGE";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker image history", "docker history");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        JsonElement layers = RawApi.json(ctx, DockerHttpClient.Request.Method.GET,
                "/images/" + RawApi.encode(args.get(0)) + "/history");
        Table table = new Table(COLUMNS, -1);
        StringBuilder ids = new StringBuilder();
        for (JsonElement element : layers.getAsJsonArray()) {
            JsonObject layer = element.getAsJsonObject();
            String rawId = layer.get("Id").getAsString();
            String id = rawId.equals("<missing>") ? rawId : ContainerTable.id(rawId, !noTrunc);
            ids.append(id).append('\n');
            String createdBy = layer.has("CreatedBy") ? layer.get("CreatedBy").getAsString().replace('\t', ' ') : "";
            if (!noTrunc) {
                createdBy = GoText.ellipsis(createdBy, 45);
            }
            long size = layer.get("Size").getAsLong();
            String comment = layer.has("Comment") ? layer.get("Comment").getAsString() : "";
            table.add(new Table.Row(List.of(id,
                    ContainerTable.created(layer.get("Created").getAsLong(), ctx.clock().instant()),
                    createdBy, human ? GoText.humanSize(size) : Long.toString(size), comment), null));
        }
        if (quiet) {
            ctx.console().out(ids.toString());
        } else {
            ctx.console().result(table.toBundle());
        }
    }
}
