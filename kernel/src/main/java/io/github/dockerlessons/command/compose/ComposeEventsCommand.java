package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.compose.ComposeNames;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker compose events}: the project's container events as they happen, in Compose's words
 * ("2024-12-06 01:55:00.123456 container start ID (image=nginx, name=demo-web-1)", an empty line after
 * each, as Compose prints them) or one JSON object a line with --json, until the stop button.
 */
public final class ComposeEventsCommand extends DeclaredCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Flag<Boolean> JSON = Flag.bool("json");

    public ComposeEventsCommand() {
        super(CommandSpec.command("compose events", "docker compose events [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(JSON)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        String project = ServiceTargets.project(in, ctx, in.args());
        List<String> services = in.args();
        boolean json = in.get(JSON);
        ResultCallback.Adapter<Event> printer = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                Map<String, String> all = event.getActor() == null || event.getActor().getAttributes() == null
                        ? Map.of() : event.getActor().getAttributes();
                String service = all.getOrDefault(ComposeNames.SERVICE, "");
                if (!"container".equals(event.getType() == null ? null : event.getType().getValue())
                        || "True".equals(all.get(ComposeNames.ONEOFF))
                        || !services.isEmpty() && !services.contains(service)) {
                    return;
                }
                Map<String, String> attributes = new TreeMap<>();
                all.forEach((k, v) -> {
                    if (!k.startsWith("com.docker.compose.")) {
                        attributes.put(k, v);
                    }
                });
                Instant at = event.getTimeNano() != null && event.getTimeNano() != 0
                        ? Instant.ofEpochSecond(0, event.getTimeNano())
                        : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
                ctx.console().out(json ? jsonLine(at, service, event, attributes) : textLine(at, event, attributes));
            }
        };
        try {
            ctx.untilDone(null, client -> client.eventsCmd()
                    .withLabelFilter(Map.of(ComposeNames.PROJECT, project))
                    .exec(ctx.cancellation().register(printer)).awaitCompletion());
        } finally {
            ctx.cancellation().unregister(printer);
        }
    }

    private static String textLine(Instant at, Event event, Map<String, String> attributes) {
        StringBuilder attrs = new StringBuilder();
        attributes.forEach((k, v) -> attrs.append(attrs.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return TIME.format(at.atZone(ZoneId.systemDefault())) + " container " + event.getAction() + " "
                + event.getActor().getId() + " (" + attrs + ")\n\n";
    }

    /** Compose's --json: its map's keys in Go's order (sorted), the time as Go's RFC 3339 with nanoseconds. */
    private static String jsonLine(Instant at, String service, Event event, Map<String, String> attributes) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("action", event.getAction());
        fields.put("attributes", attributes);
        fields.put("id", event.getActor().getId());
        fields.put("service", service);
        fields.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(ZoneId.systemDefault())));
        fields.put("type", "container");
        return ServiceTargets.json(fields) + "\n";
    }
}
