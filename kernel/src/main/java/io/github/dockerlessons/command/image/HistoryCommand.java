package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.ContainerTable;
import io.github.dockerlessons.render.Table;

import java.util.List;

/** {@code docker history}: the layers of an image, newest first. */
public final class HistoryCommand extends DeclaredCommand {
    private static final List<Table.Column> COLUMNS = List.of(new Table.Column("IMAGE", true),
            new Table.Column("CREATED", false), new Table.Column("CREATED BY", true), new Table.Column("SIZE", false),
            new Table.Column("COMMENT", false));

    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<Boolean> HUMAN = Flag.of('H', "human", FlagType.BOOL, true);

    public HistoryCommand() {
        super(CommandSpec.command("history", "docker history [OPTIONS] IMAGE")
                .aliases("docker image history", "docker history")
                .flags(HUMAN, NO_TRUNC, QUIET)
                .takes(Arity.exactly(1), Arguments.each(NameKind.IMAGE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean noTrunc = in.get(NO_TRUNC);
        boolean quiet = in.get(QUIET);
        boolean human = in.get(HUMAN);
        JsonElement layers = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                "/images/" + Engine.encode(in.arg(0)) + "/history"));
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
