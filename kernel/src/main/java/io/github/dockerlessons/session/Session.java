package io.github.dockerlessons.session;

import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.CommandRegistry;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.script.Expander;
import io.github.dockerlessons.script.Script;
import io.github.dockerlessons.script.ScriptException;
import io.github.dockerlessons.script.ScriptParser;
import io.github.dockerlessons.script.SimpleCommand;
import io.github.dockerlessons.script.Variables;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A terminal session that lives as long as the kernel: it keeps the variables, runs each cell's
 * commands in order and stops at the first that fails (as {@code set -e} does, which is what a
 * notebook reader expects of a cell), and turns failures into the CLI's words plus a hint.
 */
public final class Session {
    /** Programs the lecture runs inside containers; typed alone they get a pointer to docker exec. */
    private static final Set<String> IN_CONTAINER_PROGRAMS = Set.of(
            "redis-cli", "redis-server", "sh", "bash", "ash", "zsh", "ls", "cat", "echo", "ps", "top", "ping",
            "curl", "wget", "apt", "apt-get", "apk", "python", "python3", "node", "npm", "mysql", "psql",
            "hostname", "whoami", "env", "uname", "id", "pwd", "touch", "mkdir", "rm", "cp", "mv", "vi", "nano");

    private final CommandRegistry registry;
    private final EngineGateway engine;
    private final Messages messages;
    private final Variables variables;
    private final Clock clock;
    private final Assistant assistant;
    private final Magics magics;
    private volatile Cancellation running;
    private volatile long outputLimit;

    public Session(CommandRegistry registry, EngineGateway engine, Messages messages, Map<String, String> environment,
                   Clock clock) {
        this.registry = registry;
        this.engine = engine;
        this.messages = messages;
        this.variables = new Variables(environment);
        this.clock = clock;
        this.assistant = new Assistant(registry, engine, messages);
        this.magics = new Magics(messages, this::setOutputLimit);
        String limit = environment.get("DOCKER_KERNEL_OUTPUT_LIMIT");
        this.outputLimit = OutputBudget.DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                this.outputLimit = OutputBudget.parseLimit(limit);
            } catch (NumberFormatException ignored) {
                // an unreadable limit keeps the default
            }
        }
    }

    /** Completion, inspection and completeness for cells being written. */
    public Assistant assistant() {
        return assistant;
    }

    public Messages messages() {
        return messages;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /** Runs one cell's text, writing to {@code console}; a failure comes back as {@link CellError}. */
    public void run(String code, Console cellConsole) throws CellError {
        Cancellation cancellation = new Cancellation();
        running = cancellation;
        OutputBudget console = new OutputBudget(cellConsole, messages, outputLimit);
        try {
            if (magics.runCellMagic(code, console)) {
                return;
            }
            Script script = ScriptParser.parse(magics.applyLineMagics(code, console));
            execute(script, console, cancellation);
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
        } catch (Magics.CellFailure e) {
            throw cellError(2, e.getMessage(), null);
        } catch (ScriptException e) {
            throw cellError(2, messages.get(e.key(), e.args()), null);
        } catch (DockerError e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            throw fromDockerError(e);
        } catch (InterruptedException e) {
            throw interrupted(cancellation);
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            // An engine library fault must still be an answer, never a dead kernel.
            throw cellError(1, messages.get("error.internal", String.valueOf(e)), null);
        } finally {
            console.finish();
            running = null;
        }
    }

    private void setOutputLimit(long limit) {
        outputLimit = limit;
    }

    /** The stop button: ends the running cell's streams so its command returns. */
    public void interrupt() {
        Cancellation current = running;
        if (current != null) {
            current.cancel();
        }
    }

    private void execute(Script script, Console console, Cancellation cancellation)
            throws ScriptException, DockerError, InterruptedException {
        Expander expander = new Expander(variables, inner -> capture(inner, console, cancellation));
        for (SimpleCommand command : script.commands()) {
            if (cancellation.isCancelled()) {
                throw new InterruptedException();
            }
            try {
                runOne(command, expander, console, cancellation);
            } catch (Expander.SubstitutionFailed e) {
                if (e.getCause() instanceof DockerError docker) {
                    throw docker;
                }
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void runOne(SimpleCommand command, Expander expander, Console console, Cancellation cancellation)
            throws ScriptException, DockerError, InterruptedException, Expander.SubstitutionFailed {
        if (command.words().isEmpty()) {
            for (SimpleCommand.Assignment assignment : command.assignments()) {
                variables.set(assignment.name(), expander.expandWhole(assignment.value()));
            }
            return;
        }
        if (!command.assignments().isEmpty()) {
            throw new ScriptException(false, "script.assignment.prefix", command.line(),
                    command.assignments().get(0).name());
        }
        List<String> argv = expander.expandWords(command.words());
        if (argv.isEmpty()) {
            return;
        }
        String program = argv.get(0);
        if (!program.equals("docker")) {
            String key = IN_CONTAINER_PROGRAMS.contains(program) ? "hint.in.container.program" : "hint.not.docker";
            throw new DockerError(127, messages.get("error.not.docker", program), key, program);
        }
        byte[] stdin = command.heredoc() == null ? null
                : expander.expandWhole(command.heredoc().body()).getBytes(StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext(engine, console, messages, stdin, cancellation, clock);
        try {
            registry.dispatch(argv.subList(1, argv.size()), ctx);
            variables.setLastStatus(0);
        } catch (DockerError e) {
            variables.setLastStatus(e.status());
            throw e;
        }
    }

    private String capture(Script inner, Console cell, Cancellation cancellation) throws Exception {
        CapturingConsole capturing = new CapturingConsole(cell);
        execute(inner, capturing, cancellation);
        return capturing.text();
    }

    private CellError fromDockerError(DockerError e) {
        String cliText = e.cliText();
        String summary = cliText.isEmpty() ? messages.get("error.exit.status", e.status()) : cliText;
        String hintKey = e.hintKey() != null ? e.hintKey() : Hints.keyFor(cliText);
        String hint = hintKey == null ? null : messages.get(hintKey, e.hintArgs());
        return cellError(e.status(), summary, hint);
    }

    /** The stop button's answer, with what the interrupt left behind (a container still running). */
    private CellError interrupted(Cancellation cancellation) {
        List<String> notes = cancellation.notes();
        return cellError(130, messages.get("error.interrupted"), notes.isEmpty() ? null : String.join("\n", notes));
    }

    private static CellError cellError(int status, String text, String hint) {
        return new CellError(status, List.of(text.split("\n", -1)), hint);
    }
}
