package io.github.dockerlessons.session;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import io.github.dockerlessons.command.container.PublishedPorts;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;
import io.github.dockerlessons.script.CellMagic;
import io.github.dockerlessons.script.Expander;
import io.github.dockerlessons.script.ScriptException;
import io.github.dockerlessons.script.ScriptParser;
import io.github.dockerlessons.script.Variables;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Exercises a student checks by themselves: a {@code %%check} cell states what must be true of the
 * engine, one fact a line, and answers each with ✓ or ✗ (and, for a ✗, what was found instead and a
 * hint in the reader's language; {@code %hint} lines add the lecturer's own). A failed check is an
 * error, so Run All stops there and nbconvert reports it. {@code %score} tells how many of the
 * session's checks pass, by their latest run.
 *
 * <p>The facts: {@code container NAME running|paused|created|exited [CODE]|present|absent},
 * {@code container NAME label KEY=VALUE}, {@code container NAME network NET},
 * {@code container NAME port PORT}, {@code image|volume|network NAME present|absent},
 * {@code exec CONTAINER COMMAND... -> OUTPUT}, {@code logs CONTAINER contains TEXT},
 * {@code port PORT answers}.
 */
final class Checks {
    private static final Duration EXEC_LIMIT = Duration.ofSeconds(30);
    private static final Set<String> STATES = Set.of("running", "paused", "created", "exited", "restarting", "dead",
            "present", "absent");

    /** One line's verdict: the fact as written, whether it holds, what was found instead, a hint. */
    record Outcome(String fact, boolean holds, String found, String hint) { }

    private static final Logger LOG = Logger.getLogger("DockerKernel.Checks");

    private final CommandRegistry registry;
    private final Messages messages;
    private final CheckRecord record;
    private final LessonLocator locator;
    private final Map<String, Boolean> latest = new LinkedHashMap<>();
    private volatile String[] lastExercise;
    private final Supplier<String> frontEndCellId;

    /** Checks that are not recorded (the server's check runner). */
    Checks(CommandRegistry registry, Messages messages) {
        this(registry, messages, null, null, () -> null);
    }

    Checks(CommandRegistry registry, Messages messages, CheckRecord record, LessonLocator locator,
           Supplier<String> frontEndCellId) {
        this.registry = registry;
        this.messages = messages;
        this.record = record;
        this.locator = locator;
        this.frontEndCellId = frontEndCellId;
    }


    /** Runs a {@code %%check} cell: shows every verdict, records it, and fails when one does not hold. */
    void run(CellMagic cell, Console console, CommandContext ctx) throws Magics.CellFailure, CheckFailed,
            InterruptedException {
        if (cell.args().size() > 1) {
            throw new Magics.CellFailure(messages.get("check.usage"));
        }
        String name = cell.args().isEmpty() ? null : cell.args().get(0);
        List<String> hints = new ArrayList<>();
        List<Outcome> outcomes = evaluate(cell.body(), hints, ctx);
        long failed = outcomes.stream().filter(o -> !o.holds()).count();
        latest.put(name != null ? name : cell.body().strip(), failed == 0);
        record(cell, name, outcomes);
        console.show(render(outcomes));
        if (failed > 0) {
            List<String> advice = new ArrayList<>(hints);
            for (Outcome outcome : outcomes) {
                if (!outcome.holds() && outcome.hint() != null && !advice.contains(outcome.hint())) {
                    advice.add(outcome.hint());
                }
            }
            throw new CheckFailed(messages.get("check.failed", failed, outcomes.size()), String.join("\n", advice));
        }
    }

    /** Every fact of a check cell's body, answered; its {@code %hint} lines go to {@code hints}. */
    List<Outcome> evaluate(String body, List<String> hints, CommandContext ctx) throws Magics.CellFailure,
            InterruptedException {
        List<String[]> facts = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("%hint")) {
                hints.add(line.substring("%hint".length()).strip());
                continue;
            }
            facts.add(new String[]{Integer.toString(i + 2), line});
        }
        if (facts.isEmpty()) {
            throw new Magics.CellFailure(messages.get("check.empty"));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String[] fact : facts) {
            outcomes.add(check(Integer.parseInt(fact[0]), fact[1], ctx));
        }
        return outcomes;
    }

    /** The check's result into the student's record (and so to the progress service, in a classroom). */
    private void record(CellMagic cell, String name, List<Outcome> outcomes) {
        if (record == null) {
            return;
        }
        String firstLine = "%%check" + (name == null ? "" : " " + name);
        LessonLocator.Place found = locator.find(firstLine + "\n" + cell.body(), name == null ? null : firstLine);
        // The front end's word for the cell (JupyterLab) over the text found on disk, which may be unsaved.
        String sentId = frontEndCellId.get();
        LessonLocator.Place place = sentId == null ? found : new LessonLocator.Place(found.lesson(), sentId);
        String lesson = place.lesson() == null ? "" : place.lesson();
        String exercise = name != null ? name
                : place.cellId() != null ? place.cellId()
                : "check-" + Integer.toHexString(cell.body().strip().hashCode());
        lastExercise = new String[]{lesson, exercise};
        List<CheckRecord.Fact> facts = new ArrayList<>();
        for (Outcome o : outcomes) {
            facts.add(new CheckRecord.Fact(o.fact(), o.holds(), o.found()));
        }
        try {
            record.append(lesson, exercise, place.cellId(), facts);
        } catch (IOException | RuntimeException e) {
            // The check still answers the student; only its trace is missing (a full or read-only home).
            LOG.log(Level.WARNING, "The check could not be recorded in " + record.file(), e);
        }
    }

    /** The lesson and exercise of this session's latest check, or null before the first. */
    String[] lastExercise() {
        return lastExercise;
    }

    CheckRecord checkRecord() {
        return record;
    }

    /**
     * {@code %score}: how many exercises pass by their latest check. It reads the student's record, so a
     * restarted kernel still knows; without a record (no writable home) this session's checks count.
     */
    Bundle score() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        Map<String, Integer> attempts = new LinkedHashMap<>();
        String headingKey = "check.score";
        try {
            if (record != null) {
                for (CheckRecord.Entry entry : record.latest().values()) {
                    String label = (entry.lesson().isEmpty() ? "" : entry.lesson().replaceFirst("\\.ipynb$", "") + " / ")
                            + entry.exercise();
                    results.put(label, entry.passed());
                    attempts.put(label, entry.attempt());
                }
                headingKey = "check.score.record";
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The record could not be read", e);
        }
        if (results.isEmpty()) {
            results.putAll(latest);
            attempts.clear();
            headingKey = "check.score";
        }
        long passed = results.values().stream().filter(Boolean::booleanValue).count();
        String heading = messages.get(headingKey, passed, results.size());
        StringBuilder text = new StringBuilder(heading).append('\n');
        StringBuilder html = new StringBuilder("<div class=\"docker-score\"><b>")
                .append(Html.escape(heading)).append("</b>");
        for (Map.Entry<String, Boolean> entry : results.entrySet()) {
            String first = entry.getKey().split("\n", 2)[0];
            Integer tries = attempts.get(entry.getKey());
            String suffix = tries == null ? "" : "  (" + messages.get("check.attempts", tries) + ")";
            text.append(entry.getValue() ? "✓ " : "✗ ").append(first).append(suffix).append('\n');
            html.append("<div style=\"color:").append(entry.getValue() ? "#1a7f37" : "#cf222e").append("\">")
                    .append(entry.getValue() ? "✓ " : "✗ ").append(Html.escape(first + suffix)).append("</div>");
        }
        return Bundle.text(text.toString()).with("text/html", html.append("</div>").toString());
    }

    private Outcome check(int line, String fact, CommandContext ctx) throws Magics.CellFailure, InterruptedException {
        List<String> w = List.of(fact.split("\\s+"));
        try {
            switch (w.get(0)) {
                case "container" -> {
                    return container(line, fact, w, ctx);
                }
                case "image", "volume", "network" -> {
                    return presence(line, fact, w, ctx);
                }
                case "exec" -> {
                    return exec(line, fact, ctx);
                }
                case "logs" -> {
                    return logs(line, fact, w, ctx);
                }
                case "port" -> {
                    return port(line, fact, w, ctx);
                }
                default -> throw unknown(line, fact);
            }
        } catch (DockerError e) {
            return new Outcome(fact, false, e.cliText().isEmpty() ? messages.get("error.exit.status", e.status())
                    : e.cliText().split("\n")[0], null);
        }
    }

    private Magics.CellFailure unknown(int line, String fact) {
        return new Magics.CellFailure(messages.get("check.unknown", line, fact));
    }

    private Outcome container(int line, String fact, List<String> w, CommandContext ctx)
            throws Magics.CellFailure, DockerError, InterruptedException {
        if (w.size() < 3) {
            throw unknown(line, fact);
        }
        String name = w.get(1);
        String what = w.get(2);
        InspectContainerResponse container = inspect(ctx, name);
        String state = container == null ? null : container.getState().getStatus();
        String hintArg = name;
        switch (what) {
            case "absent" -> {
                return outcome(fact, container == null, state, "check.hint.container.absent", hintArg);
            }
            case "present" -> {
                return outcome(fact, container != null, null, "check.hint.container.present", hintArg);
            }
            case "label", "network", "port" -> {
                if (w.size() != 4) {
                    throw unknown(line, fact);
                }
                if (container == null) {
                    return outcome(fact, false, messages.get("check.found.none"), "check.hint.container.present", name);
                }
                return detail(fact, container, what, w.get(3));
            }
            default -> {
                if (!STATES.contains(what) || w.size() > (what.equals("exited") ? 4 : 3)) {
                    throw unknown(line, fact);
                }
                if (container == null) {
                    return outcome(fact, false, messages.get("check.found.none"), "check.hint.container.present", name);
                }
                boolean holds = state.equals(what);
                Long code = container.getState().getExitCodeLong();
                String found = state + (state.equals("exited") && code != null ? " " + code : "");
                if (holds && what.equals("exited") && w.size() == 4) {
                    holds = code != null && w.get(3).equals(Long.toString(code));
                }
                return outcome(fact, holds, found, "check.hint.container." + what, name);
            }
        }
    }

    private Outcome detail(String fact, InspectContainerResponse container, String what, String wanted) {
        String name = container.getName().replaceFirst("^/", "");
        switch (what) {
            case "label" -> {
                int eq = wanted.indexOf('=');
                String key = eq < 0 ? wanted : wanted.substring(0, eq);
                Map<String, String> labels = container.getConfig().getLabels() == null ? Map.of()
                        : container.getConfig().getLabels();
                String value = labels.get(key);
                boolean holds = value != null && (eq < 0 || value.equals(wanted.substring(eq + 1)));
                return outcome(fact, holds, value == null ? messages.get("check.found.none") : key + "=" + value,
                        "check.hint.container.label", name);
            }
            case "network" -> {
                var networks = container.getNetworkSettings().getNetworks();
                boolean holds = networks != null && networks.containsKey(wanted);
                return outcome(fact, holds, networks == null ? "" : String.join(", ", networks.keySet()),
                        "check.hint.container.network", name);
            }
            default -> {
                String port = wanted.contains("/") ? wanted : wanted + "/tcp";
                var bindings = container.getNetworkSettings().getPorts().getBindings();
                boolean holds = false;
                List<String> published = new ArrayList<>();
                for (var entry : bindings.entrySet()) {
                    ExposedPort exposed = entry.getKey();
                    if (entry.getValue() != null) {
                        published.add(exposed.getPort() + "/" + exposed.getProtocol());
                        holds |= (exposed.getPort() + "/" + exposed.getProtocol()).equals(port);
                    }
                }
                return outcome(fact, holds, published.isEmpty() ? messages.get("check.found.none")
                        : String.join(", ", published), "check.hint.container.port", name);
            }
        }
    }

    private Outcome presence(int line, String fact, List<String> w, CommandContext ctx)
            throws Magics.CellFailure, DockerError, InterruptedException {
        if (w.size() != 3 || !(w.get(2).equals("present") || w.get(2).equals("absent"))) {
            throw unknown(line, fact);
        }
        String kind = w.get(0);
        String name = w.get(1);
        String path = switch (kind) {
            case "image" -> "/images/" + Engine.encode(name) + "/json";
            case "volume" -> "/volumes/" + Engine.encode(name);
            default -> "/networks/" + Engine.encode(name);
        };
        boolean present;
        try {
            ctx.answer(RawRequest.text(path));
            present = true;
        } catch (DaemonError e) {
            if (!e.isNotFound()) {
                throw DockerError.daemon(e);
            }
            present = false;
        }
        boolean wanted = w.get(2).equals("present");
        return outcome(fact, present == wanted, messages.get(present ? "check.found.present" : "check.found.absent"),
                "check.hint." + kind + "." + w.get(2), name);
    }

    /** {@code exec CONTAINER COMMAND... -> OUTPUT}: the command's output, trimmed, is OUTPUT. */
    private Outcome exec(int line, String fact, CommandContext ctx) throws Magics.CellFailure, InterruptedException {
        int arrow = fact.indexOf(" -> ");
        if (arrow < 0) {
            throw unknown(line, fact);
        }
        List<String> command = words(fact.substring("exec".length(), arrow).strip());
        String expected = fact.substring(arrow + 4).strip();
        if (command.size() < 2) {
            throw unknown(line, fact);
        }
        List<String> argv = new ArrayList<>(List.of("exec"));
        argv.addAll(command);
        OutputOnly output = new OutputOnly();
        try {
            registry.dispatch(argv, ctx.writingTo(output, EXEC_LIMIT));
        } catch (DockerError e) {
            String found = e.cliText().isEmpty() ? messages.get("error.exit.status", e.status()) : e.cliText().split("\n")[0];
            return outcome(fact, false, found, "check.hint.exec", command.get(0));
        }
        String got = output.text().strip();
        return outcome(fact, got.equals(expected), got, "check.hint.exec", command.get(0));
    }

    /** The words of a command as a cell would split them (quotes kept together); nothing is expanded. */
    private static List<String> words(String text) {
        try {
            var commands = ScriptParser.parse(text).commands();
            if (commands.size() != 1) {
                return List.of();
            }
            return new Expander(new Variables(Map.of()), script -> {
                throw new IllegalArgumentException("no substitutions in a check");
            }, 1 << 20).expandWords(commands.get(0).words());
        } catch (ScriptException | Expander.SubstitutionFailed | IllegalArgumentException e) {
            return List.of();
        }
    }

    private Outcome logs(int line, String fact, List<String> w, CommandContext ctx)
            throws Magics.CellFailure, InterruptedException {
        int contains = fact.indexOf(" contains ");
        if (w.size() < 4 || contains < 0) {
            throw unknown(line, fact);
        }
        String wanted = fact.substring(contains + " contains ".length()).strip();
        OutputOnly output = new OutputOnly();
        try {
            registry.dispatch(List.of("logs", w.get(1)), ctx.writingTo(output, EXEC_LIMIT));
        } catch (DockerError e) {
            return outcome(fact, false, e.cliText().split("\n")[0], "check.hint.logs", w.get(1));
        }
        String all = output.text() + output.errors();
        String last = all.strip().isEmpty() ? "" : all.strip().lines().reduce((a, b) -> b).orElse("");
        return outcome(fact, all.contains(wanted), last, "check.hint.logs", w.get(1));
    }

    /** {@code port PORT answers}: something accepts a connection there (where the engine publishes). */
    private Outcome port(int line, String fact, List<String> w, CommandContext ctx) throws Magics.CellFailure {
        if (w.size() != 3 || !w.get(2).equals("answers")) {
            throw unknown(line, fact);
        }
        int port;
        try {
            port = Integer.parseInt(w.get(1));
        } catch (NumberFormatException e) {
            throw unknown(line, fact);
        }
        String engineHost = ctx.engineHost();
        LocalMachine machine = ctx.discovery().machine();
        if (PublishedPorts.classroomProxy(machine, engineHost) != null) {
            // A classroom: the port is in the student's engine namespace; its dialer knows.
            boolean answers = PublishedPorts.answersInClassroom(machine, engineHost, port);
            return outcome(fact, answers, messages.get("check.found.refused", PublishedPorts.url(machine, engineHost, port)),
                    "check.hint.port", port);
        }
        String host = PublishedPorts.host(engineHost);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return outcome(fact, true, null, "check.hint.port", port);
        } catch (IOException e) {
            return outcome(fact, false, messages.get("check.found.refused", host + ":" + port), "check.hint.port", port);
        }
    }

    private InspectContainerResponse inspect(CommandContext ctx, String name) throws DockerError, InterruptedException {
        try {
            return ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(name)).exec());
        } catch (DaemonError e) {
            if (e.isNotFound()) {
                return null;
            }
            throw DockerError.daemon(e);
        }
    }

    private Outcome outcome(String fact, boolean holds, String found, String hintKey, Object arg) {
        return new Outcome(fact, holds, holds ? null : found, holds ? null : messages.get(hintKey, arg));
    }

    private Bundle render(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"docker-check\" style=\"font-family:monospace\">");
        for (Outcome outcome : outcomes) {
            String found = outcome.found() == null || outcome.found().isEmpty() ? ""
                    : "   (" + messages.get("check.found", outcome.found()) + ")";
            text.append(outcome.holds() ? "✓ " : "✗ ").append(outcome.fact()).append(found).append('\n');
            html.append("<div style=\"color:").append(outcome.holds() ? "#1a7f37" : "#cf222e").append("\">")
                    .append(outcome.holds() ? "✓ " : "✗ ").append(Html.escape(outcome.fact()));
            if (!found.isEmpty()) {
                html.append("<span style=\"color:#57606a\">").append(Html.escape(found)).append("</span>");
            }
            html.append("</div>");
        }
        return Bundle.text(text.toString()).with("text/html", html.append("</div>").toString());
    }

    /** A check cell whose facts did not all hold: its summary and the hints. */
    static final class CheckFailed extends Exception {
        private final String hint;

        CheckFailed(String summary, String hint) {
            super(summary, null, false, false);
            this.hint = hint;
        }

        String hint() {
            return hint.isEmpty() ? null : hint;
        }
    }

    /** Keeps a command's output instead of showing it. */
    private static final class OutputOnly implements Console {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();

        @Override
        public synchronized void out(String text) {
            out.append(text);
        }

        @Override
        public synchronized void err(String text) {
            err.append(text);
        }

        @Override
        public synchronized void show(Bundle bundle) {
            out.append(bundle.plainText());
        }

        @Override
        public synchronized void result(Bundle bundle) {
            out.append(bundle.plainText());
        }

        synchronized String text() {
            return out.toString();
        }

        synchronized String errors() {
            return err.toString();
        }
    }
}
