package io.github.dockerlessons.session;

import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineAnswerInvalid;
import io.github.dockerlessons.engine.EngineConnectionLost;
import io.github.dockerlessons.engine.EngineTimeout;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.LifecycleDiagram;
import io.github.dockerlessons.script.CellMagic;
import io.github.dockerlessons.script.MagicLine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notebook's own tools for a Docker class, beside the docker commands: {@code %%check} and
 * {@code %score} (exercises a student checks), {@code %lifecycle} (the state machine with the
 * notebook's containers in it), {@code %scope lesson|all} and {@code %reset} (only what this
 * notebook made). {@code %live} is the session's, through {@link LivePanels}.
 */
final class LessonMagics {
    /** The commands that move a container between states, for {@code %lifecycle}. */
    private static final Set<String> MOVES = Set.of("create", "run", "start", "stop", "kill", "pause", "unpause",
            "rm", "restart");

    private final Engine engine;
    private final Messages messages;
    private final Checks checks;
    private final NotebookObjects objects;
    private final Set<String> removed = new LinkedHashSet<>();
    private volatile boolean drawAfterMoves;
    private volatile String lastMove;
    private volatile String lastTarget;

    LessonMagics(Engine engine, Messages messages, Checks checks, NotebookObjects objects) {
        this.engine = engine;
        this.messages = messages;
        this.checks = checks;
        this.objects = objects;
    }

    boolean handlesLine(String name) {
        return switch (name) {
            case "%score", "%solution", "%lifecycle", "%scope", "%reset" -> true;
            default -> false;
        };
    }

    boolean handlesCell(String name) {
        return name.equals("%%check");
    }

    void runCell(CellMagic magic, Console console, CommandContext ctx)
            throws Magics.CellFailure, Checks.CheckFailed, InterruptedException {
        checks.run(magic, console, ctx);
    }

    void runLine(MagicLine magic, Console console, CommandContext ctx)
            throws Magics.CellFailure, DockerError, InterruptedException {
        List<String> args = magic.args();
        switch (magic.name()) {
            case "%score" -> console.show(checks.score());
            case "%solution" -> solution(args, console);
            case "%lifecycle" -> {
                if (args.isEmpty()) {
                    console.show(diagram(ctx));
                } else if (args.size() == 1 && (args.get(0).equals("on") || args.get(0).equals("off"))) {
                    drawAfterMoves = args.get(0).equals("on");
                    console.out(messages.get(drawAfterMoves ? "magic.lifecycle.on" : "magic.lifecycle.off") + "\n");
                    if (drawAfterMoves) {
                        console.show(diagram(ctx));
                    }
                } else {
                    throw new Magics.CellFailure(messages.get("magic.lifecycle.usage"));
                }
            }
            case "%scope" -> {
                if (args.size() != 1 || !(args.get(0).equals("lesson") || args.get(0).equals("all"))) {
                    throw new Magics.CellFailure(messages.get("magic.scope.usage"));
                }
                if (args.get(0).equals("lesson") && !objects.labelling()) {
                    throw new Magics.CellFailure(messages.get("magic.scope.unlabelled"));
                }
                objects.scope(args.get(0).equals("lesson"));
                console.out(messages.get("magic.scope." + args.get(0)) + "\n");
            }
            case "%reset" -> {
                if (!args.isEmpty()) {
                    throw new Magics.CellFailure(messages.get("magic.reset.usage"));
                }
                if (!objects.labelling()) {
                    throw new Magics.CellFailure(messages.get("magic.scope.unlabelled"));
                }
                reset(console, ctx);
            }
            default -> throw new Magics.CellFailure(messages.get("magic.unknown", magic.name()));
        }
    }

    /**
     * {@code %solution [NAME]}: the solution cell of an exercise (the last one checked, or NAME), once
     * the lecturer has released the lesson's solutions; before that, it says so. The text comes from
     * the progress service, which alone holds the lecturer's copy of the lessons.
     */
    private void solution(List<String> args, Console console) throws Magics.CellFailure {
        if (args.size() > 1) {
            throw new Magics.CellFailure(messages.get("magic.solution.usage"));
        }
        CheckRecord record = checks.checkRecord();
        if (record == null || !record.inClassroom()) {
            throw new Magics.CellFailure(messages.get("magic.solution.no.classroom"));
        }
        String[] exercise = checks.lastExercise();
        if (!args.isEmpty()) {
            String name = args.get(0);
            LessonLocator.Place place = new LessonLocator(System.getenv()).find("", "%%check " + name);
            exercise = new String[]{place.lesson() == null ? "" : place.lesson(), name};
        }
        if (exercise == null) {
            throw new Magics.CellFailure(messages.get("magic.solution.which"));
        }
        CheckRecord.SolutionAnswer answer;
        try {
            answer = record.solution(exercise[0], exercise[1]);
        } catch (java.io.IOException | RuntimeException e) {
            throw new Magics.CellFailure(messages.get("magic.solution.unreachable"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Magics.CellFailure(messages.get("magic.solution.unreachable"));
        }
        if (answer.source() == null) {
            console.out(messages.get("magic.solution.not.released", exercise[1]) + "\n");
            return;
        }
        console.out(messages.get("magic.solution.heading", exercise[1]) + "\n\n" + answer.source().strip() + "\n");
    }

    private void reset(Console console, CommandContext ctx) throws DockerError, InterruptedException {
        NotebookObjects.Removed gone;
        try {
            gone = objects.reset(ctx.cancellation(), Duration.ofSeconds(30));
        } catch (InterruptedException | EngineAnswerInvalid | EngineConnectionLost e) {
            throw e; // the session says these as it says them for every command
        } catch (DaemonError e) {
            throw DockerError.daemon(e); // the engine's own words
        } catch (EngineUnreachable e) {
            throw DockerError.noEngine(e.diagnosis().firstLine(), e.hintKey(), e.hintArgs());
        } catch (EngineTimeout e) {
            throw new DockerError(1, messages.get("error.engine.timeout", "%reset", 30), "hint.engine.timeout");
        } catch (Exception e) {
            throw new DockerError(1, messages.get("magic.reset.failed"), "hint.unexpected");
        }
        removed.addAll(gone.containers());
        if (gone.isEmpty()) {
            console.out(messages.get("magic.reset.nothing") + "\n");
            return;
        }
        StringBuilder out = new StringBuilder(messages.get("magic.reset.done")).append('\n');
        append(out, "containers", gone.containers());
        append(out, "images", gone.images());
        append(out, "volumes", gone.volumes());
        append(out, "networks", gone.networks());
        console.out(out.toString());
    }

    private void append(StringBuilder out, String kind, List<String> names) {
        if (!names.isEmpty()) {
            out.append("  ").append(messages.get("magic.reset." + kind)).append(": ").append(String.join(", ", names))
                    .append('\n');
        }
    }

    /** After a docker command: remembers a move between states, and draws the diagram if asked to. */
    void afterCommand(List<String> argv, Console console, CommandContext ctx) {
        List<String> words = argv.size() > 1 && argv.get(0).equals("container") ? argv.subList(1, argv.size()) : argv;
        if (words.isEmpty() || !MOVES.contains(words.get(0))) {
            return;
        }
        String move = words.get(0);
        List<String> targets = new ArrayList<>();
        String name = null;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--name") && i + 1 < words.size()) {
                name = words.get(i + 1);
            }
            if (!word.startsWith("-")) {
                targets.add(word);
                if (move.equals("run") || move.equals("create")) {
                    break; // the image, then the container's command
                }
            }
        }
        lastMove = move;
        lastTarget = (move.equals("run") || move.equals("create")) ? name : targets.isEmpty() ? null : targets.get(0);
        if (move.equals("rm")) {
            removed.addAll(targets);
        }
        if (drawAfterMoves) {
            try {
                console.show(diagram(ctx));
            } catch (DockerError | InterruptedException e) {
                // the picture is a help, never a reason for the cell to fail
            }
        }
    }

    /** The state machine with this notebook's containers (every container, without labels) in their states. */
    private Bundle diagram(CommandContext ctx) throws DockerError, InterruptedException {
        Map<String, List<String>> byState = new LinkedHashMap<>();
        List<ContainerSummary> containers;
        try {
            containers = ctx.read(ContainerSummary.list(true, false, 0,
                    objects.labelling() ? Map.of("label", List.of(objects.filter())) : Map.of()));
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
        for (ContainerSummary container : containers) {
            String state = switch (container.getState() == null ? "" : container.getState()) {
                case "running", "restarting" -> "running";
                case "paused" -> "paused";
                case "created" -> "created";
                default -> "exited";
            };
            String name = container.getNames() != null && container.getNames().length > 0
                    ? container.getNames()[0].replaceFirst("^/", "") : container.getId().substring(0, 12);
            byState.computeIfAbsent(state, s -> new ArrayList<>()).add(name);
            removed.remove(name);
        }
        List<String> gone = new ArrayList<>(removed);
        if (gone.size() > 3) {
            gone = gone.subList(gone.size() - 3, gone.size());
        }
        byState.put("removed", gone);
        String move = lastMove;
        String caption = move == null ? messages.get("lifecycle.caption.none")
                : messages.get("lifecycle.caption", "docker " + move + (lastTarget == null ? "" : " " + lastTarget));
        String svg = LifecycleDiagram.svg(byState, move, lastTarget, caption);
        StringBuilder text = new StringBuilder(caption).append('\n');
        for (String state : List.of("created", "running", "paused", "exited", "removed")) {
            text.append(String.format("%-8s %s%n", state, String.join(", ", byState.getOrDefault(state, List.of()))));
        }
        return Bundle.text(text.toString()).with("image/svg+xml", svg);
    }
}
