package io.github.dockerlessons.command.container;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a container as run and create do (docker/cli's createContainer): the ID file is claimed
 * first, the image pulled first with {@code --pull always}, and when the image is missing (and
 * {@code --pull} allows it) "Unable to find image 'NAME:latest' locally", a pull, and one more try.
 * The request is the API's JSON, so every flag reaches the engine as the CLI sends it.
 */
public final class ContainerCreator {
    private static final FlagSet FLAGS = new FlagSet(ContainerOptions.FLAGS);
    /** After the stop button, how long run and create still wait for the create's answer. */
    private static final Duration STOP_GRACE = Duration.ofMillis(1500);
    private static final Duration POLL = Duration.ofMillis(50);

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
                        ? List.of("Localhost DNS (" + loopbackDns + ") may fail in containers.") : List.of(), true);
    }

    /**
     * Posts a create request and returns the new container's ID; the engine's warnings (then
     * {@code ownWarnings}) are printed as the CLI prints them.
     */
    public static String post(CommandContext ctx, String name, String platform, JsonObject body,
                              List<String> ownWarnings)
            throws DaemonError, DockerError, InterruptedException {
        return post(ctx, name, platform, body, ownWarnings, false);
    }

    /**
     * {@code stopWithin}: the stop button ends the wait within {@link #STOP_GRACE} (run and create,
     * whose cell the README promises to end within 2 s); the answer is then awaited in the background
     * and the container it made removed. Without it the answer is awaited whatever the stop button
     * says, for a caller that goes on with the ID after a stop.
     */
    private static String post(CommandContext ctx, String name, String platform, JsonObject body,
                               List<String> ownWarnings, boolean stopWithin)
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
        RawRequest<JsonElement> create = RawRequest.json(DockerHttpClient.Request.Method.POST, path.toString(), body);
        JsonObject answer = (stopWithin ? answerOrLeave(ctx, create)
                : ctx.evenAfterStop(ctx.quickCallLimit(), create)).getAsJsonObject();
        var warnings = answer.has("Warnings") && answer.get("Warnings").isJsonArray()
                ? answer.getAsJsonArray("Warnings") : new JsonArray();
        ownWarnings.forEach(warnings::add);
        warnings.forEach(w -> ctx.console().err("WARNING: " + w.getAsString() + "\n"));
        return answer.get("Id").getAsString();
    }

    /**
     * The create's answer, or, once the stop button has been pressed for {@link #STOP_GRACE} without
     * one (dockerd looks for an unknown --log-driver as a plugin for 15 s), InterruptedException: the
     * answer is then awaited in the background, and the container it names removed.
     */
    private static JsonElement answerOrLeave(CommandContext ctx, RawRequest<JsonElement> create)
            throws DaemonError, DockerError, InterruptedException {
        CompletableFuture<JsonElement> answer = new CompletableFuture<>();
        Thread creating = new Thread(() -> {
            try {
                answer.complete(ctx.evenAfterStop(ctx.quickCallLimit(), create));
            } catch (Exception | Error e) {
                answer.completeExceptionally(e);
            }
        }, "container-create");
        creating.setDaemon(true);
        creating.start();
        long stoppedAt = 0;
        while (true) {
            try {
                return answer.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (ctx.cancellation().isCancelled()) {
                    long now = System.nanoTime();
                    stoppedAt = stoppedAt == 0 ? now : stoppedAt;
                    if (now - stoppedAt >= STOP_GRACE.toNanos()) {
                        answer.thenAccept(made -> removeLeftBehind(ctx, made));
                        throw new InterruptedException("the create's answer is left to the background");
                    }
                }
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            }
        }
    }

    private static void removeLeftBehind(CommandContext ctx, JsonElement made) {
        try {
            String id = made.getAsJsonObject().get("Id").getAsString();
            ctx.evenAfterStop(ctx.quickCallLimit(), client -> {
                client.removeContainerCmd(id).withForce(true).exec();
                return null;
            });
        } catch (RuntimeException | DaemonError | DockerError | InterruptedException e) {
            // best effort: the cell has ended; docker ps -a shows what is left
        }
    }

    /** What the create's own thread ended with, thrown here as if the create had run on this thread. */
    private static RuntimeException rethrown(Throwable failure) throws DaemonError, DockerError, InterruptedException {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throwIf(DaemonError.class, failure);
        throwIf(DockerError.class, failure);
        throwIf(InterruptedException.class, failure);
        return new IllegalStateException(failure);
    }

    private static <T extends Exception> void throwIf(Class<T> type, Throwable failure) throws T {
        if (type.isInstance(failure)) {
            throw type.cast(failure);
        }
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
