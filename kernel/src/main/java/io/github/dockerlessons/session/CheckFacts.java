package io.github.dockerlessons.session;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import io.github.dockerlessons.command.container.PublishedPorts;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.script.Expander;
import io.github.dockerlessons.script.ScriptException;
import io.github.dockerlessons.script.ScriptParser;
import io.github.dockerlessons.script.Variables;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts a {@code %%check} line can state, each answered by its own probe of the engine:
 * {@code container NAME running|paused|created|exited [CODE]|present|absent},
 * {@code container NAME label KEY=VALUE}, {@code container NAME network NET},
 * {@code container NAME port PORT}, {@code image|volume|network NAME present|absent},
 * {@code exec CONTAINER COMMAND... -> OUTPUT}, {@code logs CONTAINER contains TEXT},
 * {@code port PORT answers}, and a swarm's ({@link SwarmFacts}: service, node, stack). A line that is
 * none of them is the cell's error, naming the line.
 */
final class CheckFacts {
    private static final Duration EXEC_LIMIT = Duration.ofSeconds(30);
    /** What a probe's command may print that is kept (its tail): a check's answer is one line, logs may be long. */
    private static final int OUTPUT_KEPT = 64 * 1024;
    private static final Set<String> STATES = Set.of("running", "paused", "created", "exited", "restarting", "dead",
            "present", "absent");

    private final CommandRegistry registry;
    private final Messages messages;
    private final SwarmFacts swarm;

    CheckFacts(CommandRegistry registry, Messages messages) {
        this.registry = registry;
        this.messages = messages;
        this.swarm = new SwarmFacts(messages);
    }

    /** One fact (line {@code line} of the cell) answered, or a CellFailure when it is not a fact. */
    Checks.Outcome check(int line, String fact, CommandContext ctx) throws Magics.CellFailure, InterruptedException {
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
                case "service", "node", "stack" -> {
                    return swarm.check(fact, w, ctx);
                }
                default -> throw unknown(line, fact);
            }
        } catch (SwarmFacts.NotAFact e) {
            throw unknown(line, fact);
        } catch (DockerError e) {
            return new Checks.Outcome(fact, false, e.cliText().isEmpty() ? messages.get("error.exit.status", e.status())
                    : e.cliText().split("\n")[0], null);
        }
    }

    private Magics.CellFailure unknown(int line, String fact) {
        return new Magics.CellFailure(messages.get("check.unknown", line, fact));
    }

    private Checks.Outcome container(int line, String fact, List<String> w, CommandContext ctx)
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

    private Checks.Outcome detail(String fact, InspectContainerResponse container, String what, String wanted) {
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

    private Checks.Outcome presence(int line, String fact, List<String> w, CommandContext ctx)
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
        boolean present = unlessMissing(() -> ctx.answer(RawRequest.text(path))) != null;
        boolean wanted = w.get(2).equals("present");
        return outcome(fact, present == wanted, messages.get(present ? "check.found.present" : "check.found.absent"),
                "check.hint." + kind + "." + w.get(2), name);
    }

    /** {@code exec CONTAINER COMMAND... -> OUTPUT}: the command's output, trimmed, is OUTPUT. */
    private Checks.Outcome exec(int line, String fact, CommandContext ctx) throws Magics.CellFailure, InterruptedException {
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
        ProbeOutput output = new ProbeOutput(false, "", OUTPUT_KEPT);
        try {
            registry.dispatch(argv, ctx.writingTo(output, EXEC_LIMIT));
        } catch (DockerError e) {
            String found = e.cliText().isEmpty() ? messages.get("error.exit.status", e.status()) : e.cliText().split("\n")[0];
            return outcome(fact, false, found, "check.hint.exec", command.get(0));
        }
        String got = output.text().strip();
        return outcome(fact, !output.cut() && got.equals(expected), got, "check.hint.exec", command.get(0));
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

    private Checks.Outcome logs(int line, String fact, List<String> w, CommandContext ctx)
            throws Magics.CellFailure, InterruptedException {
        int contains = fact.indexOf(" contains ");
        if (w.size() < 4 || contains < 0) {
            throw unknown(line, fact);
        }
        String wanted = fact.substring(contains + " contains ".length()).strip();
        ProbeOutput output = new ProbeOutput(true, wanted, OUTPUT_KEPT);
        try {
            registry.dispatch(List.of("logs", w.get(1)), ctx.writingTo(output, EXEC_LIMIT));
        } catch (DockerError e) {
            return outcome(fact, false, e.cliText().split("\n")[0], "check.hint.logs", w.get(1));
        }
        String all = output.text().strip();
        String last = all.isEmpty() ? "" : all.lines().reduce((a, b) -> b).orElse("");
        return outcome(fact, output.seen(), last, "check.hint.logs", w.get(1));
    }

    /** {@code port PORT answers}: something accepts a connection there (where the engine publishes). */
    private Checks.Outcome port(int line, String fact, List<String> w, CommandContext ctx) throws Magics.CellFailure {
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

    private static InspectContainerResponse inspect(CommandContext ctx, String name) throws DockerError,
            InterruptedException {
        return unlessMissing(() -> ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(name)).exec()));
    }

    /** An engine call made through the command context, refusal and all. */
    @FunctionalInterface
    private interface EngineAnswer<T> {
        T get() throws DaemonError, DockerError, InterruptedException;
    }

    /** The engine's answer, or null where the engine says the object does not exist. */
    private static <T> T unlessMissing(EngineAnswer<T> answer) throws DockerError, InterruptedException {
        try {
            return answer.get();
        } catch (DaemonError e) {
            if (e.isNotFound()) {
                return null;
            }
            throw DockerError.daemon(e);
        }
    }

    private Checks.Outcome outcome(String fact, boolean holds, String found, String hintKey, Object arg) {
        return new Checks.Outcome(fact, holds, holds ? null : found, holds ? null : messages.get(hintKey, arg));
    }

}
