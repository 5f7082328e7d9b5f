package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.StoredObjectFields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code docker secret ls} and {@code docker config ls}: the swarm's objects by name, with the same
 * flags for both kinds; only the secrets' table has a DRIVER column.
 */
public abstract class StoredObjectLsCommand extends DeclaredCommand {
    private static final Flag<Boolean> QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("id", "label", "name");
    private static final Flag<String> FORMAT = CommonFlags.format("ID", "Name", "CreatedAt", "UpdatedAt", "Labels");

    private final StoredObjects objects;

    protected StoredObjectLsCommand(StoredObjects objects) {
        super(CommandSpec.command(objects.kind() + " ls", "docker " + objects.kind() + " ls [OPTIONS]")
                .aliases("docker " + objects.kind() + " ls", "docker " + objects.kind() + " list")
                .flags(FILTER, FORMAT, QUIET));
        this.objects = objects;
    }

    @Override
    public final void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<JsonObject> found = SwarmApi.list(ctx, objects.path(), Filters.parse(in.get(FILTER), in));
        found.sort(Comparator.comparing(o -> SwarmApi.text(o, "Spec", "Name"), NaturalOrder.INSTANCE));
        boolean secret = objects == StoredObjects.SECRET;
        String template = SwarmApi.template(in.get(FORMAT), in.get(QUIET),
                secret ? StoredObjectFields.SECRET_TABLE : StoredObjectFields.CONFIG_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        found.forEach(o -> rows.add(StoredObjectFields.of(o, secret, ctx.clock().instant())));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows,
                StoredObjectFields.empty(secret), null)));
    }
}
