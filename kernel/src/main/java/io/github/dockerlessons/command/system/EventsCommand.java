package io.github.dockerlessons.command.system;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.CommonFlags;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Filters;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Since;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.engine.DaemonError;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker events}: the engine's events as they happen, one line each as the CLI prints them,
 * until {@code --until} or the stop button.
 */
public final class EventsCommand extends DeclaredCommand {
    /** Go's RFC3339NanoFixed in the local zone. */
    private static final DateTimeFormatter NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

    private static final Flag<String> SINCE = Flag.string("since");
    private static final Flag<String> UNTIL = Flag.string("until");
    private static final Flag<List<String>> FILTER = CommonFlags.filter("container", "event", "image", "label",
            "network", "type", "volume");

    public EventsCommand() {
        super(CommandSpec.command("events", "docker events [OPTIONS]")
                .aliases("docker system events", "docker events")
                .flags(FILTER, SINCE, UNTIL));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String since = in.get(SINCE);
        String until = in.get(UNTIL);
        Map<String, List<String>> filter = Filters.parse(in.get(FILTER), in);
        String from = time(since, ctx);
        String to = time(until, ctx);
        ResultCallback.Adapter<Event> printer = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                ctx.console().out(line(event));
            }
        };
        try {
            ctx.untilDone(null, client -> {
                var cmd = client.eventsCmd();
                if (from != null) {
                    cmd.withSince(from);
                }
                if (to != null) {
                    cmd.withUntil(to);
                }
                filter.forEach((key, values) -> values.forEach(v -> addFilter(cmd, key, v)));
                return cmd.exec(ctx.cancellation().register(printer)).awaitCompletion();
            });
        } finally {
            ctx.cancellation().unregister(printer);
        }
    }

    private static void addFilter(EventsCmd cmd, String key, String value) {
        switch (key) {
            case "container" -> cmd.withContainerFilter(value);
            case "image" -> cmd.withImageFilter(value);
            case "event" -> cmd.withEventFilter(value);
            case "type" -> cmd.withEventTypeFilter(value);
            case "label" -> cmd.withLabelFilter(value);
            default -> { }
        }
    }

    private static String time(String value, CommandContext ctx) throws DockerError {
        if (value == null) {
            return null;
        }
        try {
            return Long.toString(Since.epochSeconds(value, ctx.clock()));
        } catch (IllegalArgumentException e) {
            throw new DockerError(1, "invalid value for \"since\": failed to parse value as time or duration: \""
                    + value + "\"");
        }
    }

    static String line(Event event) {
        StringBuilder out = new StringBuilder();
        if (event.getTimeNano() != null && event.getTimeNano() != 0) {
            long nanos = event.getTimeNano();
            out.append(NANO.format(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L)
                    .atZone(ZoneId.systemDefault()))).append(' ');
        }
        String type = event.getType() == null ? "" : event.getType().getValue();
        String actor = event.getActor() == null ? event.getId() : event.getActor().getId();
        out.append(type).append(' ').append(event.getAction()).append(' ').append(actor);
        if (event.getActor() != null && event.getActor().getAttributes() != null
                && !event.getActor().getAttributes().isEmpty()) {
            List<String> attrs = new ArrayList<>();
            new TreeMap<>(event.getActor().getAttributes()).forEach((k, v) -> attrs.add(k + "=" + v));
            out.append(" (").append(String.join(", ", attrs)).append(')');
        }
        return out.append('\n').toString();
    }
}
