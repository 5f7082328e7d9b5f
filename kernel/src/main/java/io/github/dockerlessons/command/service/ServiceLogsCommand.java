package io.github.dockerlessons.command.service;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Since;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.swarm.SwarmApi;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code docker service logs SERVICE|TASK}: every task's output, each line headed by its task as the
 * CLI writes it ({@code web.1.t3rocezf5llc@node1    | }), streamed as the engine sends it (-f until the
 * stop button). A line longer than a mebibyte is cut there: memory stays bounded.
 */
public final class ServiceLogsCommand extends DeclaredCommand {
    private static final Flag<Boolean> FOLLOW = Flag.bool('f', "follow");
    private static final Flag<String> TAIL = Flag.of('n', "tail", FlagType.STRING, "all");
    private static final Flag<Boolean> TIMESTAMPS = Flag.bool('t', "timestamps");
    private static final Flag<Boolean> NO_TRUNC = Flag.bool("no-trunc");
    private static final Flag<Boolean> NO_TASK_IDS = Flag.bool("no-task-ids");
    private static final Flag<Boolean> NO_RESOLVE = Flag.bool("no-resolve");
    private static final Flag<Boolean> RAW = Flag.bool("raw");
    private static final Flag<String> SINCE = Flag.string("since");
    private static final int MAX_LINE = 1 << 20;

    public ServiceLogsCommand() {
        super(CommandSpec.command("service logs", "docker service logs [OPTIONS] SERVICE|TASK")
                .flags(FOLLOW, NO_RESOLVE, NO_TASK_IDS, NO_TRUNC, RAW, SINCE, TAIL, TIMESTAMPS)
                .takes(Arity.exactly(1), Arguments.each(NameKind.SERVICE)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        String target = in.arg(0);
        String path;
        int padding = 1;
        try {
            JsonObject service = SwarmApi.object(ctx.answer(RawRequest.json(
                    DockerHttpClient.Request.Method.GET, SwarmApi.path("/services/", target))));
            String replicas = SwarmApi.text(service, "Spec", "Mode", "Replicated", "Replicas");
            padding = replicas.isEmpty() ? 1 : replicas.length();
            path = SwarmApi.path("/services/", target);
        } catch (DaemonError e) {
            if (!e.isNotFound()) {
                throw DockerError.daemon(e);
            }
            JsonObject task;
            try {
                task = SwarmApi.object(ctx.answer(RawRequest.json(
                        DockerHttpClient.Request.Method.GET, SwarmApi.path("/tasks/", target))));
            } catch (DaemonError missing) {
                throw missing.isNotFound() ? new DockerError(1, "no such task or service: " + target, null)
                        : DockerError.daemon(missing);
            }
            padding = SwarmApi.text(task, "Slot").length();
            path = SwarmApi.path("/tasks/", target);
        }
        String query = path + "/logs?stdout=1&stderr=1&details=" + !in.get(RAW) + "&follow=" + in.get(FOLLOW)
                + "&timestamps=" + in.get(TIMESTAMPS) + "&tail=" + Engine.encode(in.get(TAIL))
                + (in.get(SINCE) == null ? "" : "&since=" + since(in.get(SINCE), ctx));
        TaskPrefixes prefixes = new TaskPrefixes(ctx, padding, in.get(NO_TRUNC), in.get(NO_TASK_IDS), !in.get(NO_RESOLVE));
        boolean raw = in.get(RAW);
        boolean timestamps = in.get(TIMESTAMPS);
        ctx.untilDone(null, RawRequest.exchange(DockerHttpClient.Request.Method.GET, query, Map.of(), null,
                body -> {
                    readFrames(body, (stream, line) -> {
                        String text = raw ? line : prefixes.line(line, timestamps);
                        if (stream == 2) {
                            ctx.console().err(text);
                        } else {
                            ctx.console().out(text);
                        }
                    });
                    return null;
                }));
    }

    @FunctionalInterface
    private interface FrameSink {
        void frame(int stream, String text) throws IOException;
    }

    /** docker's stdcopy frames: an 8-byte header (stream, 0, 0, 0, size) then that many bytes. */
    private static void readFrames(InputStream in, FrameSink sink) throws IOException {
        byte[] header = new byte[8];
        while (in.readNBytes(header, 0, 8) == 8) {
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            byte[] kept = in.readNBytes((int) Math.min(size, MAX_LINE));
            in.skipNBytes(size - kept.length);
            sink.frame(header[0], new String(kept, StandardCharsets.UTF_8));
        }
    }

    /** The CLI's taskFormatter: "SERVICE.SLOT.TASKID@NODE" padded to the widest slot, then "    | ". */
    private static final class TaskPrefixes {
        private final CommandContext ctx;
        private final int padding;
        private final boolean noTrunc;
        private final boolean noTaskIds;
        private final boolean resolve;
        private final Map<String, String> cache = new HashMap<>();

        TaskPrefixes(CommandContext ctx, int padding, boolean noTrunc, boolean noTaskIds, boolean resolve) {
            this.ctx = ctx;
            this.padding = padding;
            this.noTrunc = noTrunc;
            this.noTaskIds = noTaskIds;
            this.resolve = resolve;
        }

        /** A line with details ("k=v,k=v message"), maybe after a timestamp, with its task's prefix. */
        String line(String line, boolean timestamps) throws IOException {
            String stamp = "";
            String rest = line;
            if (timestamps) {
                int space = rest.indexOf(' ');
                stamp = space < 0 ? rest : rest.substring(0, space + 1);
                rest = space < 0 ? "" : rest.substring(space + 1);
            }
            int space = rest.indexOf(' ');
            String details = space < 0 ? rest : rest.substring(0, space);
            String message = space < 0 ? "" : rest.substring(space + 1);
            Map<String, String> fields = new HashMap<>();
            for (String pair : details.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return stamp + prefix(fields.getOrDefault("com.docker.swarm.task.id", ""),
                    fields.getOrDefault("com.docker.swarm.service.id", ""),
                    fields.getOrDefault("com.docker.swarm.node.id", "")) + "    | " + message;
        }

        private String prefix(String taskId, String serviceId, String nodeId) throws IOException {
            String key = taskId + "/" + serviceId + "/" + nodeId;
            String known = cache.get(key);
            if (known != null) {
                return known;
            }
            try {
                String node = resolve ? name("/nodes/", nodeId, "Description", "Hostname") : nodeId;
                String service = resolve ? name("/services/", serviceId, "Spec", "Name") : serviceId;
                JsonObject task = SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path("/tasks/", taskId)));
                String slot = SwarmApi.text(task, "Slot");
                String name = service + "." + slot;
                if (!noTaskIds) {
                    name += "." + (noTrunc || taskId.length() <= 12 ? taskId : taskId.substring(0, 12));
                }
                String prefix = name + "@" + node + " ".repeat(Math.max(0, padding - slot.length()));
                cache.put(key, prefix);
                return prefix;
            } catch (DockerError | InterruptedException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        private String name(String prefix, String id, String... field) throws DockerError, InterruptedException {
            String name = SwarmApi.text(SwarmApi.object(SwarmApi.get(ctx, SwarmApi.path(prefix, id))), field);
            return name.isEmpty() ? id : name;
        }
    }

    /**
     * --since as the engine takes it, seconds since the epoch: the CLI's client turns a time or a duration
     * ("10m") into one (timetypes.GetTimestamp); the engine itself parses only seconds, so "10m" was refused.
     */
    private static long since(String text, CommandContext ctx) throws DockerError {
        try {
            return Since.epochSeconds(text, ctx.clock());
        } catch (IllegalArgumentException e) {
            throw new DockerError(1, "invalid value for \"since\": failed to parse value as time or duration: \""
                    + text + "\"", null);
        }
    }
}
