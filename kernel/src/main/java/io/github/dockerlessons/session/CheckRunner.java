package io.github.dockerlessons.session;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar docker-kernel.jar check --lesson FILE... [--host DOCKER_HOST]}: every {@code %%check}
 * of a lesson, run again against an engine, printed as one line of JSON per lesson. The classroom's
 * {@code recheck} runs it as the server, against a student's own engine, so that a grade does not
 * rest on what the student's kernel posted. Checks are named as the kernel names them.
 */
public final class CheckRunner {
    private CheckRunner() {
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> lessons = new ArrayList<>();
        String host = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--lesson" -> {
                    if (i + 1 < args.size()) {
                        lessons.add(args.get(++i));
                    }
                }
                case "--host" -> host = i + 1 < args.size() ? args.get(++i) : null;
                default -> {
                    err.println("check: unknown argument " + args.get(i));
                    return 2;
                }
            }
        }
        if (lessons.isEmpty() || !lessons.stream().allMatch(l -> Files.isRegularFile(Path.of(l)))) {
            err.println("Usage: java -jar docker-kernel.jar check --lesson FILE.ipynb [--lesson FILE.ipynb ...] "
                    + "[--host DOCKER_HOST]");
            return 2;
        }
        Messages messages = new Messages(Messages.fromEnvironment(env));
        Engine engine = new EngineGateway(host != null ? EngineDiscovery.fixed(host)
                : EngineDiscovery.forThisMachine(env));
        Checks checks = new Checks(DockerCommands.registry(), messages);
        for (String lesson : lessons) {
            if (!runLesson(Path.of(lesson), checks, engine, messages, out)) {
                return 1;
            }
        }
        return 0;
    }

    /** One lesson's checks as one line of JSON; false when interrupted. */
    private static boolean runLesson(Path file, Checks checks, Engine engine, Messages messages,
                                     PrintStream out) {
        JsonObject result = new JsonObject();
        result.addProperty("lesson", file.getFileName().toString());
        result.addProperty("time", Instant.now().toString());
        JsonArray exercises = new JsonArray();
        for (var cell : LessonLocator.codeCells(file)) {
            String source = LessonLocator.text(cell.get("source"));
            String first = source.lines().findFirst().orElse("").strip();
            if (!first.equals("%%check") && !first.startsWith("%%check ")) {
                continue;
            }
            String name = first.substring("%%check".length()).strip();
            String cellId = cell.has("id") ? cell.get("id").getAsString() : null;
            String body = source.contains("\n") ? source.substring(source.indexOf('\n') + 1) : "";
            JsonObject exercise = new JsonObject();
            exercise.addProperty("exercise", name.isEmpty() ? (cellId != null ? cellId
                    : "check-" + Integer.toHexString(body.strip().hashCode())) : name);
            if (cellId != null) {
                exercise.addProperty("cell_id", cellId);
            }
            JsonArray facts = new JsonArray();
            boolean passed;
            try {
                CommandContext ctx = new CommandContext(engine, Console.NOWHERE, messages, null,
                        new Cancellation(), Clock.systemUTC(), Duration.ofSeconds(30));
                List<Checks.Outcome> outcomes = checks.evaluate(body, new ArrayList<>(), ctx);
                passed = outcomes.stream().allMatch(Checks.Outcome::holds);
                facts = CheckRecord.toJson(Checks.recorded(outcomes));
            } catch (Magics.CellFailure e) {
                passed = false;
                exercise.addProperty("error", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                passed = false;
                exercise.addProperty("error", messages.get("error.unexpected"));
            }
            exercise.addProperty("passed", passed);
            exercise.add("facts", facts);
            exercises.add(exercise);
        }
        result.add("exercises", exercises);
        out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(result));
        out.flush();
        return true;
    }
}
