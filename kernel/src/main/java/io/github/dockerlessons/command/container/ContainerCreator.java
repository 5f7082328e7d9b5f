package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.ApiRequirement;
import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.IpAddress;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.FlagError;
import io.github.dockerlessons.command.flags.FlagSet;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.image.ImageReference;
import io.github.dockerlessons.command.image.Puller;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates a container as run and create do (docker/cli's createContainer): the ID file is claimed
 * first, the image pulled first with {@code --pull always}, and when the image is missing (and
 * {@code --pull} allows it) "Unable to find image 'NAME:latest' locally", a pull, and one more try.
 * The request is the API's JSON, so every flag reaches the engine as the CLI sends it.
 */
public final class ContainerCreator {
    private static final FlagSet FLAGS = new FlagSet(ContainerOptions.FLAGS);

    private ContainerCreator() {
    }

    /**
     * The create request that {@code docker create FLAGS IMAGE COMMAND...} sends, for a caller that
     * says what it wants in run's flags (Compose maps a service into them), so a container made
     * either way is the same model. Each flag is one word ({@code --name=value}).
     */
    public static JsonObject request(List<String> flags, String image, List<String> command) throws InvalidOptions {
        FlagSet.Result parsed;
        try {
            parsed = FLAGS.parse(flags, false);
        } catch (FlagError e) {
            throw new InvalidOptions(e.getMessage());
        }
        if (!parsed.args().isEmpty()) {
            throw new InvalidOptions("not a flag: " + parsed.args().get(0));
        }
        ContainerOptions options = ContainerOptions.of(new Invocation("docker create", null, parsed.flags(), List.of()));
        return options.request(image, command, false, null);
    }

    /**
     * The new container's ID. A problem before the engine is asked (the ID file exists, the socket
     * cannot be shared) is an {@link InvalidOptions} in the CLI's words.
     */
    static String create(CommandContext ctx, ContainerOptions options, String image, List<String> command,
                         boolean detached)
            throws DaemonError, DockerError, InterruptedException, InvalidOptions {
        List<ApiRequirement> needs = options.apiRequirements();
        if (!needs.isEmpty()) {
            String version = ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                    "/version")).getAsJsonObject().get("ApiVersion").getAsString();
            for (ApiRequirement need : needs) {
                InvalidOptions refusal = need.check(version);
                if (refusal != null) {
                    throw refusal;
                }
            }
        }
        String socket = null;
        if (options.useApiSocket()) {
            String host = ctx.engineHost();
            if (!host.startsWith("unix://")) {
                throw new InvalidOptions("flag --use-api-socket can only be used with unix sockets: docker endpoint "
                        + host + " incompatible");
            }
            socket = host.substring("unix://".length());
        }
        Path cidfile = claimIdFile(options.cidfile());
        try {
            options.checkPlatform();
        } catch (InvalidOptions e) {
            deleteQuietly(cidfile);
            throw e;
        }
        boolean written = false;
        try {
            ImageReference ref = ImageReference.parse(image);
            if (options.pull().equals("always")) {
                Puller.pull(ctx, ref, options.platform(), options.quiet());
            }
            JsonObject body = options.request(image, command, detached, socket);
            String id;
            try {
                id = createOnce(ctx, options, body);
            } catch (DaemonError e) {
                boolean missing = e.isNotFound() && (e.daemonMessage().startsWith("No such image")
                        || e.daemonMessage().contains("does not match the specified platform"));
                if (!missing || !options.pull().equals("missing")) {
                    throw e;
                }
                if (!options.quiet()) {
                    ctx.console().err("Unable to find image '" + ref.familiar() + "' locally\n");
                }
                Puller.pull(ctx, ref, options.platform(), options.quiet());
                id = createOnce(ctx, options, body);
            }
            if (cidfile != null) {
                writeId(cidfile, id);
                written = true;
            }
            return id;
        } finally {
            if (!written) {
                deleteQuietly(cidfile);
            }
        }
    }

    private static String createOnce(CommandContext ctx, ContainerOptions options, JsonObject body)
            throws DaemonError, DockerError, InterruptedException {
        String loopbackDns = options.network().loopbackDns();
        return post(ctx, options.name(), options.platform(), body,
                loopbackDns != null && IpAddress.isLoopback(loopbackDns)
                        ? List.of("Localhost DNS (" + loopbackDns + ") may fail in containers.") : List.of());
    }

    /**
     * Posts a create request and returns the new container's ID; the engine's warnings (then
     * {@code ownWarnings}) are printed as the CLI prints them.
     */
    public static String post(CommandContext ctx, String name, String platform, JsonObject body,
                              List<String> ownWarnings)
            throws DaemonError, DockerError, InterruptedException {
        StringBuilder path = new StringBuilder("/containers/create");
        String separator = "?";
        if (name != null && !name.isEmpty()) {
            path.append(separator).append("name=").append(Engine.encode(name));
            separator = "&";
        }
        if (platform != null && !platform.isEmpty()) {
            path.append(separator).append("platform=").append(Engine.encode(platform));
        }
        // Not abandoned by the stop button: with the ID, a stop right after the create can remove it.
        JsonObject answer = ctx.evenAfterStop(ctx.quickCallLimit(), RawRequest.json(DockerHttpClient.Request.Method.POST,
                path.toString(), body)).getAsJsonObject();
        var warnings = answer.has("Warnings") && answer.get("Warnings").isJsonArray()
                ? answer.getAsJsonArray("Warnings") : new JsonArray();
        ownWarnings.forEach(warnings::add);
        warnings.forEach(w -> ctx.console().err("WARNING: " + w.getAsString() + "\n"));
        return answer.get("Id").getAsString();
    }

    private static void deleteQuietly(Path cidfile) {
        if (cidfile != null) {
            try {
                Files.deleteIfExists(cidfile);
            } catch (IOException ignored) {
                // the CLI reports this only as a debug message
            }
        }
    }

    /** docker/cli's newCIDFile: the file must not exist yet, and is made empty now. */
    private static Path claimIdFile(String cidfile) throws InvalidOptions {
        if (cidfile == null || cidfile.isEmpty()) {
            return null;
        }
        Path path = Path.of(cidfile);
        if (Files.exists(path)) {
            throw new InvalidOptions("container ID file found, make sure the other container isn't running or delete "
                    + cidfile);
        }
        try {
            Files.write(path, new byte[0]);
        } catch (IOException e) {
            throw new InvalidOptions("failed to create the container ID file: "
                    + LocalFileError.of("open", cidfile, e).getMessage());
        }
        return path;
    }

    private static void writeId(Path cidfile, String id) throws InvalidOptions {
        try {
            Files.writeString(cidfile, id, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidOptions("failed to write the container ID to the file: "
                    + LocalFileError.of("write", cidfile, e).getMessage());
        }
    }
}
