package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.FakeDaemon;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One command line run against the real {@link EngineGateway} over a {@link FakeDaemon} (docker-java's
 * transport answered in memory), with what a terminal would show: the CLI's
 * stdout (text written, and the plain text of a table the notebook shows as HTML), its stderr
 * (warnings, and a failure's words as the CLI prints them) and the exit status; displays the
 * notebook adds (links, panels) are kept apart, since the CLI prints no such thing. The clock is fixed
 * at {@link #NOW}, so "5 minutes ago" stays so.
 */
public final class CommandRun {
    /** The tests' present: 2024-12-06T02:00:00Z. */
    public static final Instant NOW = Instant.parse("2024-12-06T02:00:00Z");
    private static final CommandRegistry REGISTRY = DockerCommands.registry();

    public final StringBuilder out = new StringBuilder();
    public final StringBuilder err = new StringBuilder();
    /** What the notebook shows beside the CLI's output (links to published ports, progress panels). */
    public final StringBuilder displays = new StringBuilder();
    public int status;
    /** Where each updatable display stands in {@link #displays} (start, end). */
    private final Map<String, int[]> updatable = new HashMap<>();
    /** The hint the notebook shows under a failure, in English (null when none): the CLI has no such line. */
    public String hint;

    private CommandRun() {
    }

    /** The host the fake daemon stands for (DOCKER_HOST, unless a test's environment says otherwise). */
    public static final String HOST = "unix:///fake/docker.sock";

    /**
     * Runs {@code argv} (without "docker") against {@code daemon}, in English, with DOCKER_HOST naming
     * the fake and a fresh docker config folder under target/ (nothing reads or writes ~/.docker).
     */
    public static CommandRun run(FakeDaemon daemon, String... argv) throws InterruptedException {
        return run(daemon, Map.of("DOCKER_HOST", HOST), freshHome(), null, argv);
    }

    /** A new home folder under target/, its docker config folder inside ({@code home/.docker}). */
    public static Path freshHome() {
        try {
            Path target = Files.createDirectories(Path.of("target", "golden-homes"));
            return Files.createTempDirectory(target, "home").toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code argv} with the environment {@code env}, the home folder {@code home} and the cell's
     * heredoc {@code stdin} (null: none): DOCKER_CONFIG
     * is {@code home/.docker} unless {@code env} names one, so login, logout and context write there. No
     * socket is looked at: every request goes to {@code daemon}, whichever endpoint the CLI's rules pick.
     */
    public static CommandRun run(FakeDaemon daemon, Map<String, String> env, Path home, byte[] stdin, String... argv)
            throws InterruptedException {
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("DOCKER_CONFIG", home.resolve(".docker").toString());
        LocalMachine machine = new LocalMachine(Map.copyOf(environment), home, LocalMachine.OperatingSystem.LINUX,
                OptionalInt.empty(), path -> false);
        try (EngineGateway engine = EngineGateway.inMemory(new EngineDiscovery(machine), daemon)) {
            return run(engine, stdin, argv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommandRun run(EngineGateway engine, byte[] stdin, String... argv) throws InterruptedException {
        CommandRun run = new CommandRun();
        Console console = new Console() {
            @Override
            public void out(String text) {
                run.out.append(text);
            }

            @Override
            public void err(String text) {
                run.err.append(text);
            }

            @Override
            public void show(Bundle bundle) {
                run.displays.append(bundle.plainText()); // the notebook's extras (links, panels): no CLI words
            }

            /** A panel updated in place: only its last frame stays, as in the notebook. */
            @Override
            public String showUpdatable(Bundle bundle) {
                String id = "display-" + run.displays.length();
                run.displays.append(bundle.plainText());
                run.updatable.put(id, new int[] {run.displays.length() - bundle.plainText().length(),
                        run.displays.length()});
                return id;
            }

            @Override
            public void update(String displayId, Bundle bundle) {
                int[] span = run.updatable.get(displayId);
                String text = bundle.plainText();
                run.displays.replace(span[0], span[1], text);
                int shift = text.length() - (span[1] - span[0]);
                for (int[] other : run.updatable.values()) {
                    if (other != span && other[0] >= span[1]) {
                        other[0] += shift;
                        other[1] += shift;
                    }
                }
                span[1] = span[0] + text.length();
            }

            @Override
            public void result(Bundle bundle) {
                run.out.append(bundle.plainText());
            }
        };
        Messages messages = new Messages(Messages.ENGLISH);
        CommandContext ctx = new CommandContext(engine, console, messages, stdin,
                new Cancellation(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        try {
            REGISTRY.dispatch(Arrays.asList(argv), ctx);
        } catch (DockerError e) {
            if (!e.cliText().isEmpty()) {
                run.err.append(e.cliText()).append('\n');
            }
            run.status = e.status();
            run.hint = e.hintKey() == null ? null : messages.get(e.hintKey(), e.hintArgs());
        }
        return run;
    }

    /**
     * stdout, then stderr under a line that says so (only when there is any), then the notebook's hint
     * under a failure: one golden file per case.
     */
    public String transcript() {
        String cli = err.length() == 0 && status == 0 ? out.toString() : out + "--- stderr (exit status " + status + ")\n" + err;
        return hint == null ? cli : cli + "--- hint\n" + hint + "\n";
    }
}
