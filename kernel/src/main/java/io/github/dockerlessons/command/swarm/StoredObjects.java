package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Templates;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.golang.Units;
import io.github.dockerlessons.engine.NaturalOrder;
import io.github.dockerlessons.render.FieldContext;
import io.github.dockerlessons.render.ListingFormat;
import io.github.dockerlessons.render.StoredObjectFields;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Secrets and configs, which the Swarm API keeps alike (/secrets, /configs): what their create and
 * ls commands do (their inspect is ObjectInspectCommand's, their rm SwarmRmCommand's), the one
 * difference being the listing's DRIVER column. Their data comes from a file or, with "-", from the
 * cell's heredoc, read up to the engine's own limit of 500 KiB.
 */
public enum StoredObjects {
    SECRET("secret", "/secrets"),
    CONFIG("config", "/configs");

    /** Swarmkit's limit on a secret's or config's data (MaxSecretSize, MaxConfigSize). */
    private static final int MAX_DATA = 500 * 1024;

    private static final Flag<Boolean> LS_QUIET = Flag.bool('q', "quiet");
    private static final Flag<List<String>> LS_FILTER = CommonFlags.filter("id", "label", "name");
    private static final Flag<String> LS_FORMAT = CommonFlags.format("ID", "Name", "CreatedAt", "UpdatedAt", "Labels");
    private static final Flag<List<String>> CREATE_LABEL = Flag.list('l', "label");

    private final String kind;
    private final String path;

    StoredObjects(String kind, String path) {
        this.kind = kind;
        this.path = path;
    }

    public void create(CommandContext ctx, String name, String source, Map<String, String> labels)
            throws DockerError, InterruptedException {
        JsonObject spec = new JsonObject();
        spec.addProperty("Name", name);
        JsonObject labelObject = new JsonObject();
        labels.forEach(labelObject::addProperty);
        spec.add("Labels", labelObject);
        spec.addProperty("Data", Base64.getEncoder().encodeToString(data(ctx, source)));
        JsonObject created = SwarmApi.object(SwarmApi.post(ctx, path + "/create", spec));
        ctx.console().out(SwarmApi.text(created, "ID") + "\n");
    }

    private byte[] data(CommandContext ctx, String source) throws DockerError {
        if (source.equals("-")) {
            byte[] heredoc = ctx.heredoc();
            if (heredoc == null) {
                throw new DockerError(1, "error reading content from \"-\": no input", "hint." + kind + ".stdin");
            }
            return heredoc;
        }
        try (InputStream in = Files.newInputStream(Path.of(source))) {
            byte[] data = in.readNBytes(MAX_DATA + 1);
            return data;
        } catch (NoSuchFileException e) {
            throw new DockerError(1, "error reading content from \"" + source + "\": open " + source
                    + ": no such file or directory", "hint." + kind + ".stdin");
        } catch (IOException e) {
            throw new DockerError(1, "error reading content from \"" + source + "\": " + e.getMessage(), null);
        }
    }

    /** {@code docker secret ls} / {@code docker config ls}: the same flags for both kinds. */
    public CommandSpec lsSpec() {
        return CommandSpec.command(kind + " ls", "docker " + kind + " ls [OPTIONS]")
                .aliases("docker " + kind + " ls", "docker " + kind + " list")
                .flags(LS_FILTER, LS_FORMAT, LS_QUIET)
                .build();
    }

    /** Runs an invocation of {@link #lsSpec()}. */
    public void list(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        list(ctx, Filters.parse(in.get(LS_FILTER), in), in.get(LS_FORMAT), in.get(LS_QUIET));
    }

    /** {@code docker secret create} / {@code docker config create}: NAME and a file, or "-" for the heredoc. */
    public CommandSpec createSpec() {
        return CommandSpec.command(kind + " create", "docker " + kind + " create [OPTIONS] "
                        + kind.toUpperCase(Locale.ROOT) + " file|-")
                .flags(CREATE_LABEL)
                .arity(Arity.exactly(2))
                .build();
    }

    /** Runs an invocation of {@link #createSpec()}. */
    public void create(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        create(ctx, in.arg(0), in.arg(1), Units.labels(in.get(CREATE_LABEL)));
    }

    public void list(CommandContext ctx, Map<String, List<String>> filters, String format, boolean quiet)
            throws DockerError, InterruptedException {
        List<JsonObject> objects = SwarmApi.list(ctx, path, filters);
        objects.sort(Comparator.comparing(o -> SwarmApi.text(o, "Spec", "Name"), NaturalOrder.INSTANCE));
        boolean secret = this == SECRET;
        String template = SwarmApi.template(format, quiet, secret ? StoredObjectFields.SECRET_TABLE : StoredObjectFields.CONFIG_TABLE);
        List<FieldContext> rows = new ArrayList<>();
        objects.forEach(o -> rows.add(StoredObjectFields.of(o, secret, ctx.clock().instant())));
        Templates.answer(ctx, Templates.render(() -> ListingFormat.render(template, rows,
                StoredObjectFields.empty(secret), null)));
    }
}
