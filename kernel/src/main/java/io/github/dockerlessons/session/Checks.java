package io.github.dockerlessons.session;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;
import io.github.dockerlessons.script.CellMagic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The facts and their probes are {@link CheckFacts}; this class runs a cell, records its verdicts and
 * shows them.
 */
final class Checks {
    /** One line's verdict: the fact as written, whether it holds, what was found instead, a hint. */
    record Outcome(String fact, boolean holds, String found, String hint) { }

    private static final Logger LOG = Logger.getLogger("DockerKernel.Checks");

    private final CheckFacts probes;
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
        this.probes = new CheckFacts(registry, messages);
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
        String context = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("%hint")) {
                hints.add(line.substring("%hint".length()).strip());
                continue;
            }
            if (line.equals("%context") || line.startsWith("%context ")) {
                // The facts after it are asked of that context's engine (a swarm's manager: -c node1).
                String[] words = line.split("\\s+");
                if (words.length != 2) {
                    throw new Magics.CellFailure(messages.get("check.context.usage", i + 2));
                }
                context = words[1];
                continue;
            }
            facts.add(new String[]{Integer.toString(i + 2), line, context});
        }
        if (facts.isEmpty()) {
            throw new Magics.CellFailure(messages.get("check.empty"));
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (ContextEngines engines = new ContextEngines(ctx)) {
            for (String[] fact : facts) {
                CommandContext on = fact[2] == null ? ctx : engines.of(fact[2]);
                outcomes.add(probes.check(Integer.parseInt(fact[0]), fact[1], on));
            }
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
        try {
            record.append(lesson, exercise, place.cellId(), recorded(outcomes));
        } catch (IOException | RuntimeException e) {
            // The check still answers the student; only its trace is missing (a full or read-only home).
            LOG.log(Level.WARNING, "The check could not be recorded in " + record.file(), e);
        }
    }

    /** The verdicts as the record keeps them (without the hints). */
    static List<CheckRecord.Fact> recorded(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> new CheckRecord.Fact(o.fact(), o.holds(), o.found())).toList();
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
}
