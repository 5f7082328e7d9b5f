package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.Cancellation;
import io.github.dockerlessons.engine.FakeDaemon;
import io.github.dockerlessons.engine.FakeEngine;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One command line run against a {@link FakeEngine}, with what a terminal would show: the CLI's
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

    private CommandRun() {
    }

    /** Runs {@code argv} (without "docker") against {@code daemon}, in English. */
    public static CommandRun run(FakeDaemon daemon, String... argv) throws InterruptedException {
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

            @Override
            public void result(Bundle bundle) {
                run.out.append(bundle.plainText());
            }
        };
        CommandContext ctx = new CommandContext(new FakeEngine(daemon), console, new Messages(Messages.ENGLISH), null,
                new Cancellation(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        try {
            REGISTRY.dispatch(Arrays.asList(argv), ctx);
        } catch (DockerError e) {
            if (!e.cliText().isEmpty()) {
                run.err.append(e.cliText()).append('\n');
            }
            run.status = e.status();
        }
        return run;
    }

    /** stdout, then stderr under a line that says so (only when there is any): one golden file per case. */
    public String transcript() {
        return err.length() == 0 && status == 0 ? out.toString() : out + "--- stderr (exit status " + status + ")\n" + err;
    }
}
