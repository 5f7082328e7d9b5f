package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.options.ApiRequirement;
import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.IpAddress;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
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
final class ContainerCreator {
    private ContainerCreator() {
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
        StringBuilder path = new StringBuilder("/containers/create");
        String separator = "?";
        if (options.name() != null && !options.name().isEmpty()) {
            path.append(separator).append("name=").append(Engine.encode(options.name()));
            separator = "&";
        }
        if (options.platform() != null && !options.platform().isEmpty()) {
            path.append(separator).append("platform=").append(Engine.encode(options.platform()));
        }
        // Not abandoned by the stop button: with the ID, a stop right after the create can remove it.
        JsonObject answer = ctx.evenAfterStop(ctx.quickCallLimit(), RawRequest.json(DockerHttpClient.Request.Method.POST,
                path.toString(), body)).getAsJsonObject();
        String loopbackDns = options.network().loopbackDns();
        var warnings = answer.has("Warnings") && answer.get("Warnings").isJsonArray()
                ? answer.getAsJsonArray("Warnings") : new JsonArray();
        if (loopbackDns != null && IpAddress.isLoopback(loopbackDns)) {
            warnings.add("Localhost DNS (" + loopbackDns + ") may fail in containers.");
        }
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
