package io.github.dockerlessons.command.swarm;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.golang.Units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker secret create} and {@code docker config create}: NAME and a file, or "-" for the
 * cell's heredoc, read up to the engine's own limit of 500 KiB; prints the new object's ID.
 */
public abstract class StoredObjectCreateCommand extends DeclaredCommand {
    /** Swarmkit's limit on a secret's or config's data (MaxSecretSize, MaxConfigSize). */
    private static final int MAX_DATA = 500 * 1024;

    private static final Flag<List<String>> LABEL = Flag.list('l', "label");

    private final StoredObjects objects;

    protected StoredObjectCreateCommand(StoredObjects objects) {
        super(CommandSpec.command(objects.kind() + " create", "docker " + objects.kind() + " create [OPTIONS] "
                        + objects.kind().toUpperCase(Locale.ROOT) + " file|-")
                .flags(LABEL)
                .arity(Arity.exactly(2)));
        this.objects = objects;
    }

    @Override
    public final void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, String> labels = Units.labels(in.get(LABEL));
        JsonObject spec = new JsonObject();
        spec.addProperty("Name", in.arg(0));
        JsonObject labelObject = new JsonObject();
        labels.forEach(labelObject::addProperty);
        spec.add("Labels", labelObject);
        spec.addProperty("Data", Base64.getEncoder().encodeToString(data(ctx, in.arg(1))));
        JsonObject created = SwarmApi.object(SwarmApi.post(ctx, objects.path() + "/create", spec));
        ctx.console().out(SwarmApi.text(created, "ID") + "\n");
    }

    private byte[] data(CommandContext ctx, String source) throws DockerError {
        String hint = "hint." + objects.kind() + ".stdin";
        if (source.equals("-")) {
            byte[] heredoc = ctx.heredoc();
            if (heredoc == null) {
                throw new DockerError(1, "error reading content from \"-\": no input", hint);
            }
            return heredoc;
        }
        try (InputStream in = Files.newInputStream(Path.of(source))) {
            return in.readNBytes(MAX_DATA + 1);
        } catch (NoSuchFileException e) {
            throw new DockerError(1, "error reading content from \"" + source + "\": open " + source
                    + ": no such file or directory", hint);
        } catch (IOException e) {
            throw new DockerError(1, "error reading content from \"" + source + "\": " + e.getMessage(), null);
        }
    }
}
