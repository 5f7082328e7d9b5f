package io.github.dockerlessons.session;

import io.github.dockerlessons.command.compose.ComposeV1;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.GlobalOptions;
import io.github.dockerlessons.command.system.KernelVersion;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineAnswerInvalid;
import io.github.dockerlessons.engine.EngineConnectionLost;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.script.Expander;
import io.github.dockerlessons.script.MagicLine;
import io.github.dockerlessons.script.PwdBuiltin;
import io.github.dockerlessons.script.Script;
import io.github.dockerlessons.script.ScriptException;
import io.github.dockerlessons.script.ScriptParser;
import io.github.dockerlessons.script.SimpleCommand;
import io.github.dockerlessons.script.Step;
import io.github.dockerlessons.script.Variables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A terminal session that lives as long as the kernel: it keeps the variables, runs each cell's
 * steps in order and stops at the first that fails (as {@code set -e} does, which is what a
 * notebook reader expects of a cell), and turns failures into the CLI's words plus a hint. Every
 * failure becomes a {@link CellError} a person can read; nothing of Java ever shows.
 */
public final class Session {
    private static final Logger LOG = Logger.getLogger("DockerKernel.Session");

    /** Programs the lecture runs inside containers; typed alone they get a pointer to docker exec. */
    private static final Set<String> IN_CONTAINER_PROGRAMS = Set.of(
            "redis-cli", "redis-server", "sh", "bash", "ash", "zsh", "ls", "cat", "echo", "ps", "top", "ping",
            "curl", "wget", "apt", "apt-get", "apk", "python", "python3", "node", "npm", "mysql", "psql",
            "hostname", "whoami", "env", "uname", "id", "touch", "mkdir", "rm", "cp", "mv", "vi", "nano");

    /**
     * How long the end of the kernel waits for the running cell's foreground containers to go: within
     * the 2 s promised after a shutdown request, with room for the process to exit.
     */
    private static final Duration KERNEL_END_LIMIT = Duration.ofMillis(1300);

    private final CommandRegistry registry;
    private final Engine engine;
    private final Messages messages;
    private final Variables variables;
    private final Clock clock;
    private final Assistant assistant;
    private final Magics magics;
    private volatile Cancellation running;
    private volatile String runningCellId;
    private volatile OutputBudget runningBudget;
    private volatile long outputLimit;
    private volatile long captureLimit;
    private final long cellLimit;
    private final SessionLimits limits;
    private final LivePanels panels;
    private final NotebookObjects objects;
    private final LessonMagics lessonMagics;

    public Session(CommandRegistry registry, Engine engine, Messages messages, Map<String, String> environment,
                   Clock clock) {
        this.registry = registry;
        this.engine = engine;
        this.messages = messages;
        this.variables = new Variables(environment);
        this.clock = clock;
        this.assistant = new Assistant(registry, new EngineNames(engine), messages);
        this.limits = SessionLimits.fromEnvironment(environment);
        this.outputLimit = limits.output();
        this.captureLimit = limits.capture();
        this.cellLimit = limits.cell();
        this.objects = new NotebookObjects(engine, environment);
        this.panels = new LivePanels(registry, engine, messages, clock, limits.quickCall(),
                () -> objects.scoped() ? objects.filter() : null);
        this.lessonMagics = new LessonMagics(engine, messages, new Checks(registry, messages,
                new CheckRecord(environment, clock), new LessonLocator(environment), () -> runningCellId), objects);
        this.magics = new Magics(messages, new Magics.Settings() {
            @Override
            public void outputLimit(long bytes) {
                outputLimit = bytes;
                OutputBudget budget = runningBudget;
                if (budget != null) {
                    budget.setLimit(bytes);
                }
            }

            @Override
            public void captureLimit(long bytes) {
                captureLimit = bytes;
            }
        });
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
        run(code, null, cellConsole);
    }

    /** The same, for a cell whose nbformat id the front end sent (it names an unnamed {@code %%check}). */
    public void run(String code, String cellId, Console cellConsole) throws CellError {
        run(code, cellId, cellConsole, () -> false);
    }

    /**
     * The same, for a cell the stop button may have been pressed for before it began (it waited for
     * this session to be built, or had not yet reached this line): {@code stoppedBeforeStart} is read
     * after the cell is made the running one, so a stop is either seen here or by {@link #interrupt()}.
     */
    public void run(String code, String cellId, Console cellConsole, BooleanSupplier stoppedBeforeStart)
            throws CellError {
        runningCellId = cellId;
        Cancellation cancellation = new Cancellation();
        running = cancellation;
        cancellation.enter();
        if (stoppedBeforeStart.getAsBoolean()) {
            cancellation.cancel();
        }
        OutputBudget console = new OutputBudget(cellConsole, messages, outputLimit);
        runningBudget = console;
        try {
            if (cellLimit > 0 && OutputBudget.utf8Length(code) > cellLimit) {
                throw cellError(2, messages.get("error.cell.too.large", GoText.binarySize(cellLimit)), null);
            }
            Script script = ScriptParser.parse(code);
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation); // stopped before it began: a cell magic, too, does nothing
            }
            if (script.cellMagic() != null) {
                if (lessonMagics.handlesCell(script.cellMagic().name())) {
                    lessonMagics.runCell(script.cellMagic(), console, context(console, null, cancellation));
                } else {
                    magics.runCell(script.cellMagic(), console);
                }
                return;
            }
            execute(script, console, cancellation);
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
        } catch (Magics.CellFailure e) {
            throw cellError(2, e.getMessage(), null);
        } catch (Checks.CheckFailed e) {
            throw cellError(1, e.getMessage(), e.hint());
        } catch (ScriptException e) {
            throw cellError(2, messages.get(e.key(), e.args()), null);
        } catch (DockerError e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            throw fromDockerError(e);
        } catch (InterruptedException e) {
            throw interrupted(cancellation);
        } catch (EngineAnswerInvalid e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            // Go's words for bad JSON where the CLI has them; else the kernel's, from the bundle
            String text = e.getMessage() != null ? e.getMessage()
                    : messages.get(e.hintKey().replaceFirst("^hint\\.", "error."), e.hintArgs());
            throw cellError(1, text, messages.get(e.hintKey(), e.hintArgs()));
        } catch (EngineConnectionLost e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            throw cellError(1, messages.get("error.engine.connection.lost", e.host()), null);
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                throw interrupted(cancellation);
            }
            // A fault in the kernel or a library: still an answer in words, never Java's; the log has it.
            LOG.log(Level.WARNING, "A cell failed inside the kernel", e);
            throw cellError(1, messages.get("error.unexpected"), messages.get("hint.unexpected"));
        } finally {
            runningBudget = null;
            console.finish();
            running = null;
            cancellation.leave();
            panels.syncTo(cellConsole);
        }
    }

    /** Readies the engine client in the background, without contacting the engine. */
    public void prepareEngine() {
        Thread thread = new Thread(() -> {
            try {
                engine.prepare();
            } catch (RuntimeException | LinkageError ignored) {
                // the first command will try again, and say what is wrong
            }
        }, "engine-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /** The stop button: ends the running cell's streams so its command returns; returns at once. */
    public void interrupt() {
        Cancellation current = running;
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * The kernel is ending: what the running cell started in the foreground ends with it (within
     * {@link #KERNEL_END_LIMIT}), then the cell lets go of the engine. Safe to call more than once.
     */
    public void shutdown() {
        Cancellation current = running;
        if (current != null) {
            current.endKernel(KERNEL_END_LIMIT);
        }
        panels.close();
    }

    private void execute(Script script, Console console, Cancellation cancellation)
            throws ScriptException, DockerError, InterruptedException, Magics.CellFailure {
        Expander expander = new Expander(variables, inner -> capture(inner, console, cancellation), captureLimit);
        for (Step step : script.steps()) {
            if (cancellation.isCancelled()) {
                throw new InterruptedException();
            }
            if (step instanceof MagicLine magic) {
                if (magic.name().equals("%live")) {
                    live(magic, expander, console);
                } else if (magic.name().equals("%cluster")) {
                    panels.startCluster(magic.args(), console);
                } else if (lessonMagics.handlesLine(magic.name())) {
                    lessonMagics.runLine(magic, console, context(console, null, cancellation));
                } else {
                    magics.runLine(magic, console);
                }
                continue;
            }
            try {
                runOne((SimpleCommand) step, expander, console, cancellation);
            } catch (Expander.SubstitutionFailed e) {
                Throwable cause = e.getCause();
                if (cause instanceof DockerError docker) {
                    throw docker;
                }
                if (cause instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                if (cause instanceof Magics.CellFailure failure) {
                    throw failure;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** {@code %live docker ps [flags]}, {@code %live off [N]}, or {@code %live} to list the panels. */
    private void live(MagicLine magic, Expander expander, Console console)
            throws ScriptException, DockerError, InterruptedException, Magics.CellFailure {
        List<String> args = magic.args();
        if (args.isEmpty()) {
            List<Integer> open = panels.numbers();
            console.out(messages.get(open.isEmpty() ? "magic.live.none" : "magic.live.open", open) + "\n");
            return;
        }
        if (args.get(0).equals("off")) {
            Integer number = null;
            if (args.size() == 2) {
                try {
                    number = Integer.parseInt(args.get(1));
                } catch (NumberFormatException e) {
                    throw new Magics.CellFailure(messages.get("magic.live.usage"));
                }
            } else if (args.size() > 2) {
                throw new Magics.CellFailure(messages.get("magic.live.usage"));
            }
            List<Integer> stopped = panels.stop(number, console);
            console.out(messages.get("magic.live.stopped", stopped) + "\n");
            return;
        }
        Script script = ScriptParser.parse(magic.rest());
        if (script.commands().size() != 1 || script.commands().get(0).heredoc() != null) {
            throw new Magics.CellFailure(messages.get("magic.live.usage"));
        }
        try {
            panels.start(expander.expandWords(script.commands().get(0).words()), console);
        } catch (Expander.SubstitutionFailed e) {
            throw new Magics.CellFailure(messages.get("magic.live.usage"));
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
        if (program.equals(ComposeV1.PROGRAM)) {
            argv = ComposeV1.asDockerCompose(argv); // Compose v1's spelling reaches the same commands
            program = "docker";
        }
        if (program.equals("pwd")) {
            // the builtin $(pwd) runs: the notebook's folder, the one `-v "$(pwd)":/app` mounts
            String invalid = PwdBuiltin.invalidOption(argv.subList(1, argv.size()));
            if (invalid != null) {
                throw new DockerError(2, "pwd: " + invalid + ": invalid option\npwd: usage: pwd [-LP]", "hint.pwd");
            }
            console.out(variables.folder() + "\n");
            variables.setLastStatus(0);
            return;
        }
        if (!program.equals("docker")) {
            String key = IN_CONTAINER_PROGRAMS.contains(program) ? "hint.in.container.program" : "hint.not.docker";
            throw new DockerError(127, messages.get("error.not.docker", program), key, program);
        }
        byte[] heredoc = command.heredoc() == null ? null
                : expander.expandWhole(command.heredoc().body()).getBytes(StandardCharsets.UTF_8);
        Engine commandEngine = engine;
        try {
            GlobalOptions global = GlobalOptions.parse(argv.subList(1, argv.size()));
            if (global.versionRequested()) {
                console.out("Docker version " + KernelVersion.VERSION + " (Docker lesson kernel)\n");
                variables.setLastStatus(0);
                return;
            }
            // `docker -c node2 ps`: that command alone goes to the engine its flags name.
            commandEngine = global.selectsEngine()
                    ? objects.labelling(new EngineGateway(global.discovery(engine.discovery()))) : engine;
            CommandContext ctx = context(commandEngine, console, heredoc, cancellation);
            registry.dispatch(global.command(), ctx);
            variables.setLastStatus(0);
            if (commandEngine == engine) {
                lessonMagics.afterCommand(global.command(), console, ctx);
            }
        } catch (DockerError e) {
            variables.setLastStatus(e.status());
            throw e;
        } finally {
            if (commandEngine != engine) {
                closeQuietly(commandEngine);
            }
        }
    }

    private static void closeQuietly(Engine commandEngine) {
        try {
            commandEngine.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a command's engine", e);
        }
    }

    /** What one command works with; its listings limited to this notebook's objects after {@code %scope lesson}. */
    private CommandContext context(Console console, byte[] heredoc, Cancellation cancellation) {
        return context(engine, console, heredoc, cancellation);
    }

    private CommandContext context(Engine commandEngine, Console console, byte[] heredoc, Cancellation cancellation) {
        CommandContext ctx = new CommandContext(commandEngine, console, messages, heredoc, cancellation, clock,
                limits.quickCall()).recordingIn(objects);
        return objects.scoped() ? ctx.scopedTo(objects.filter()) : ctx;
    }

    private String capture(Script inner, Console cell, Cancellation cancellation) throws Exception {
        long limit = captureLimit;
        CapturingConsole capturing = new CapturingConsole(cell, limit);
        execute(inner, capturing, cancellation);
        if (capturing.overflowed()) {
            throw new ScriptException(false, "script.capture.too.large", GoText.binarySize(limit));
        }
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
