package io.github.dockerlessons.command.core;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.ConnectionDiagnosis;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineEndpoint;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineTimeout;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.engine.HijackedStream;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.i18n.Messages;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one command works with while it runs: the engine, the cell's console, the reader's language,
 * the heredoc given to it (or null), the stop button and the clock. Engine calls go through here so
 * that every one of them can be interrupted: a quick call (a listing, an inspect, a create) also has
 * a time limit, and a call that may legitimately take long ({@code stop -t 30}, {@code wait}) none;
 * when the stop button abandons a call, the cell says what the engine may still be doing.
 */
public final class CommandContext {
    private final Engine engine;
    private final Console console;
    private final Messages messages;
    private final byte[] heredoc;
    private final Cancellation cancellation;
    private final Clock clock;
    private final Duration quickCallLimit;
    private final String calledAs;
    private final String scopeLabel;
    private final NotebookRecord record;

    public CommandContext(Engine engine, Console console, Messages messages, byte[] heredoc,
                          Cancellation cancellation, Clock clock, Duration quickCallLimit) {
        this(engine, console, messages, heredoc, cancellation, clock, quickCallLimit, "docker", null,
                NotebookRecord.NONE);
    }

    private CommandContext(Engine engine, Console console, Messages messages, byte[] heredoc,
                           Cancellation cancellation, Clock clock, Duration quickCallLimit, String calledAs,
                           String scopeLabel, NotebookRecord record) {
        this.engine = engine;
        this.console = console;
        this.messages = messages;
        this.heredoc = heredoc;
        this.cancellation = cancellation;
        this.clock = clock;
        this.quickCallLimit = quickCallLimit;
        this.calledAs = calledAs;
        this.scopeLabel = scopeLabel;
        this.record = record;
    }

    /** The same context for a command the user called {@code calledAs} ("docker container ls"). */
    CommandContext calledAs(String name) {
        return new CommandContext(engine, console, messages, heredoc, cancellation, clock, quickCallLimit, name,
                scopeLabel, record);
    }

    /** The same context, remembering what the notebook makes in {@code notebook}. */
    public CommandContext recordingIn(NotebookRecord notebook) {
        return new CommandContext(engine, console, messages, heredoc, cancellation, clock, quickCallLimit, calledAs,
                scopeLabel, notebook);
    }

    /** What this notebook made: builds, commits, imports and loads tell it their images. */
    public NotebookRecord record() {
        return record;
    }

    /** Whether listings are limited to this notebook's objects ({@code %scope lesson}). */
    public boolean scoped() {
        return scopeLabel != null;
    }

    /** The same context whose listings show only objects labelled {@code label} ({@code %scope lesson}). */
    public CommandContext scopedTo(String label) {
        return new CommandContext(engine, console, messages, heredoc, cancellation, clock, quickCallLimit, calledAs,
                label, record);
    }

    /**
     * The filters a listing (ps, images, volume ls, network ls) applies, with the notebook's scope
     * added: only what this notebook made, after {@code %scope lesson}.
     */
    public Map<String, List<String>> scoped(Map<String, List<String>> filters) {
        if (scopeLabel == null) {
            return filters;
        }
        Map<String, List<String>> scoped = new LinkedHashMap<>(filters);
        List<String> labels = new ArrayList<>(scoped.getOrDefault("label", List.of()));
        labels.add(scopeLabel);
        scoped.put("label", labels);
        return scoped;
    }

    /**
     * The same engine, stop button and clock for a command run on the kernel's behalf (a %check), its
     * output going to {@code output} and its quick calls bounded by {@code limit}.
     */
    public CommandContext writingTo(Console output, Duration limit) {
        return new CommandContext(engine, output, messages, null, cancellation, clock, limit);
    }

    /** Where the engine is found: contexts, environment, the machine's sockets (no engine call). */
    public EngineDiscovery discovery() {
        return engine.discovery();
    }

    /** The host the engine calls go to, for messages and published ports. */
    public String engineHost() {
        return engine.host();
    }

    public Console console() {
        return console;
    }

    public Messages messages() {
        return messages;
    }

    /** The bytes of the command's heredoc, or null when it has none. */
    public byte[] heredoc() {
        return heredoc;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    public Clock clock() {
        return clock;
    }

    /** The command as the user called it, for messages. */
    public String calledAs() {
        return calledAs;
    }

    /**
     * Waits for a short answer (a listing, an inspect, a create): bounded by the usual time limit and
     * abandoned by the stop button. The engine's refusal is a {@link DaemonError} for the command to
     * handle or pass on (the registry prints it in the daemon's words); no engine is the CLI's error.
     * On a unix socket the call runs on the cell's own thread and the stop button ends it with an
     * interrupt, which would close a kernel channel in use: the call returns what to show, and the
     * command writes it to the console after.
     */
    public <T> T answer(Engine.Call<T> call) throws DaemonError, DockerError, InterruptedException {
        return answer((stop, limit) -> engine.call(call, stop, limit), true);
    }

    /**
     * A short request that changes nothing at the engine (a GET), as {@link #answer(Engine.Call)} but
     * the stop button leaves nothing going on there, so the cell says nothing of it.
     */
    public <T> T read(RawRequest<T> request) throws DaemonError, DockerError, InterruptedException {
        return answer((stop, limit) -> engine.send(request, stop, limit), false);
    }

    /** One engine call, typed or raw, given the stop button and the time limit it runs under. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(Cancellation stop, Duration limit)
                throws DaemonError, EngineUnreachable, EngineTimeout, InterruptedException;
    }

    private <T> T answer(Attempt<T> call, boolean mayStillBeDone)
            throws DaemonError, DockerError, InterruptedException {
        try {
            return call.run(cancellation, quickCallLimit);
        } catch (EngineTimeout e) {
            throw timedOut(quickCallLimit);
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            if (mayStillBeDone) {
                cancellation.note(messages.get("interrupt.engine.pending", calledAs));
            }
            throw e;
        }
    }

    /** A raw API request waiting for a short answer; see {@link #answer(Engine.Call)}. */
    public <T> T answer(RawRequest<T> request) throws DaemonError, DockerError, InterruptedException {
        return answer((stop, limit) -> engine.send(request, stop, limit), true);
    }

    /**
     * Waits until a long operation is done ({@code stop -t 30}, {@code wait}, a pull, a build), with no
     * time limit. If the stop button abandons it, the cell says {@code stillGoingOn} (may be null): what
     * the engine may still be doing.
     */
    public <T> T untilDone(String stillGoingOn, Engine.Call<T> call)
            throws DaemonError, DockerError, InterruptedException {
        return untilDone(stillGoingOn, (stop, limit) -> engine.call(call, stop, limit));
    }

    /** A raw API request that runs until done; see {@link #untilDone(String, Engine.Call)}. */
    public <T> T untilDone(String stillGoingOn, RawRequest<T> request)
            throws DaemonError, DockerError, InterruptedException {
        return untilDone(stillGoingOn, (stop, limit) -> engine.send(request, stop, limit));
    }

    private <T> T untilDone(String stillGoingOn, Attempt<T> call)
            throws DaemonError, DockerError, InterruptedException {
        try {
            return call.run(cancellation, null);
        } catch (EngineTimeout e) {
            throw new IllegalStateException("a call without a time limit timed out", e);
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            if (stillGoingOn != null) {
                cancellation.note(stillGoingOn);
            }
            throw e;
        }
    }

    /**
     * Waits for a call the stop button does not abandon, bounded by {@code limit}: a clean-up that
     * undoes or signals what the command started (remove a {@code --rm} container, SIGINT to a
     * foreground one), or an answer the command needs to undo what it did (the ID of a container just
     * created, so that a stop right after it removes the container instead of leaving it behind).
     */
    public <T> T evenAfterStop(Duration limit, Engine.Call<T> call)
            throws DaemonError, DockerError, InterruptedException {
        return evenAfterStop(limit, (stop, bound) -> engine.call(call, null, bound));
    }

    /** A raw API request the stop button does not abandon; see {@link #evenAfterStop(Duration, Engine.Call)}. */
    public <T> T evenAfterStop(Duration limit, RawRequest<T> request)
            throws DaemonError, DockerError, InterruptedException {
        return evenAfterStop(limit, (stop, bound) -> engine.send(request, null, bound));
    }

    private <T> T evenAfterStop(Duration limit, Attempt<T> call) throws DaemonError, DockerError, InterruptedException {
        try {
            return call.run(null, limit);
        } catch (EngineTimeout e) {
            throw timedOut(limit);
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
    }

    /** The usual time limit of a short answer. */
    public Duration quickCallLimit() {
        return quickCallLimit;
    }

    /**
     * Opens an attach or exec stream that can deliver EOF on stdin (null over TLS), as a short answer.
     * The stream is registered with the stop button as it opens, so one that opens after a stop is
     * closed at once, never left behind.
     */
    public HijackedStream hijack(String path, String jsonBody, boolean tty)
            throws DaemonError, DockerError, InterruptedException {
        return answer(RawRequest.hijack(path, jsonBody, tty)
                .then(stream -> stream == null ? null : cancellation.register(stream)));
    }

    private DockerError timedOut(Duration limit) {
        return new DockerError(1, messages.get("error.engine.timeout", calledAs, limit.toSeconds()),
                "hint.engine.timeout");
    }

    /**
     * No engine: the CLI's line, then each place tried, named in the reader's language (engine/ gives
     * them as data: where each came from and the system's reason).
     */
    private DockerError unreachable(EngineUnreachable e) {
        ConnectionDiagnosis diagnosis = e.diagnosis();
        StringBuilder text = new StringBuilder(diagnosis.firstLine());
        for (ConnectionDiagnosis.Place place : diagnosis.places()) {
            EngineEndpoint endpoint = place.endpoint();
            String origin = messages.get("engine.origin." + endpoint.origin().name().toLowerCase(Locale.ROOT));
            if (endpoint.origin() == EngineEndpoint.Origin.DOCKER_CONTEXT
                    || endpoint.origin() == EngineEndpoint.Origin.CURRENT_CONTEXT) {
                origin = messages.get("engine.origin.context", endpoint.contextName(), origin);
            }
            String reason = switch (place.reason()) {
                case ConnectionDiagnosis.Place.ANSWERS -> messages.get("engine.place.answers");
                case ConnectionDiagnosis.Place.UNSUPPORTED -> messages.get("engine.place.unsupported");
                default -> place.reason();
            };
            text.append("\n  ").append(endpoint.host()).append(" (").append(origin).append("): ").append(reason);
        }
        return DockerError.noEngine(text.toString(), e.hintKey(), e.hintArgs());
    }
}
