package io.github.dockerlessons.command.stream;

import io.github.dockerlessons.console.Console;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where a container program's stdin comes from, decided in one place for {@code run -i},
 * {@code exec -i}, {@code start -ai} and {@code attach}: nothing (no {@code -i}); the heredoc, exactly
 * its bytes and then EOF; the heredoc typed into the program's terminal a line at a time (with a TTY,
 * where typed-ahead input is thrown away and EOF is Ctrl-D); or the frontend's input box, a line at a
 * time. A command that wants stdin and can have none of these says so in its own words.
 */
public final class StdinSource {
    public enum Kind { NONE, HEREDOC, TYPED_HEREDOC, INPUT_BOX }

    private final Kind kind;
    private final byte[] heredoc;
    private final boolean tty;
    private final Console console;

    private StdinSource(Kind kind, byte[] heredoc, boolean tty, Console console) {
        this.kind = kind;
        this.heredoc = heredoc;
        this.tty = tty;
        this.console = console;
    }

    public static StdinSource none() {
        return new StdinSource(Kind.NONE, null, false, null);
    }

    /**
     * The program's stdin for a command with {@code interactive} ({@code -i}) and {@code tty}
     * ({@code -t}), given the cell's heredoc (or null); empty when it wants stdin and neither a heredoc
     * nor the input box can give it (a headless run without a heredoc).
     */
    public static Optional<StdinSource> choose(boolean interactive, boolean tty, byte[] heredoc, Console console) {
        if (!interactive) {
            return Optional.of(none());
        }
        if (heredoc != null) {
            return Optional.of(new StdinSource(tty ? Kind.TYPED_HEREDOC : Kind.HEREDOC, heredoc, tty, console));
        }
        if (console.canAsk()) {
            return Optional.of(new StdinSource(Kind.INPUT_BOX, null, tty, console));
        }
        return Optional.empty();
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the program's stdin is attached at all. */
    public boolean attaches() {
        return kind != Kind.NONE;
    }

    /** The bytes the program reads, fed as the source says; {@code output} tells how the program is doing. */
    public InputStream open(ContainerOutput output) {
        return switch (kind) {
            case NONE -> InputStream.nullInputStream();
            case HEREDOC -> new ByteArrayInputStream(heredoc);
            case TYPED_HEREDOC -> new TypedInput(heredoc, output);
            case INPUT_BOX -> new AskingInput(console, output, tty);
        };
    }
}
