package io.github.dockerlessons.render;

import java.util.function.Consumer;

/**
 * What a terminal would show of a TTY's output, as notebook text: a carriage return rewrites the
 * line (so a redrawn progress line ends as one line, not hundreds), erase and cursor sequences act
 * on it, and no escape or control byte reaches the notebook. Lines are released when they end;
 * {@link #takePartial} releases an unfinished one (a prompt waiting for input).
 */
public final class TerminalText {
    /** The window every TTY the kernel opens has (programs such as redis-cli hang on a 0x0 one). */
    public static final int ROWS = 24;
    /** The width the kernel gives every TTY; cursor reports are answered within it. */
    public static final int COLUMNS = 80;

    private final StringBuilder line = new StringBuilder();
    private final Consumer<String> replies;
    private final StringBuilder escape = new StringBuilder();
    private int cursor;
    private boolean pendingCr;

    public TerminalText() {
        this(reply -> { });
    }

    /**
     * {@code replies} receives what a terminal answers on its input: a cursor position report for
     * {@code ESC[6n}, which line editors such as redis-cli's ask before they trust the window size.
     */
    public TerminalText(Consumer<String> replies) {
        this.replies = replies;
    }

    /** Feeds output; returns the text of the lines it completed. */
    public synchronized String feed(String text) {
        StringBuilder done = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escape.length() > 0) {
                escape.append(c);
                if (escapeComplete()) {
                    apply(escape.toString());
                    escape.setLength(0);
                }
                continue;
            }
            if (pendingCr && c != '\n') {
                cursor = 0;
            }
            pendingCr = false;
            switch (c) {
                case '\u001b' -> escape.append(c);
                case '\r' -> pendingCr = true;
                case '\n' -> {
                    done.append(line).append('\n');
                    line.setLength(0);
                    cursor = 0;
                }
                case '\b' -> cursor = Math.max(0, cursor - 1);
                case '\t' -> put('\t');
                default -> {
                    if (c >= ' ' && c != 127) {
                        put(c);
                    }
                }
            }
        }
        return done.toString();
    }

    /** The unfinished line as it stands. */
    public synchronized String partial() {
        return line.toString();
    }

    /** The unfinished line as it stands, handed out; later output continues on a fresh line state. */
    public synchronized String takePartial() {
        String partial = line.toString();
        line.setLength(0);
        cursor = 0;
        return partial;
    }

    private void put(char c) {
        if (cursor < line.length()) {
            line.setCharAt(cursor, c);
        } else {
            while (line.length() < cursor) {
                line.append(' ');
            }
            line.append(c);
        }
        cursor++;
    }

    private boolean escapeComplete() {
        int length = escape.length();
        if (length < 2) {
            return false;
        }
        char kind = escape.charAt(1);
        if (kind == '[') {
            char last = escape.charAt(length - 1);
            return length > 2 && last >= '@' && last <= '~';
        }
        if (kind == ']') { // OSC: ends with BEL or ESC \
            char last = escape.charAt(length - 1);
            return last == 7 || (last == '\\' && escape.charAt(length - 2) == '\u001b');
        }
        return true; // a two-character escape
    }

    private void apply(String sequence) {
        if (sequence.charAt(1) != '[') {
            return;
        }
        char command = sequence.charAt(sequence.length() - 1);
        String params = sequence.substring(2, sequence.length() - 1);
        int n = params.isEmpty() || !params.matches("\\d+") ? -1 : Integer.parseInt(params);
        switch (command) {
            case 'K' -> {
                if (n == 2) {
                    line.setLength(0);
                    cursor = 0;
                } else if (n == 1) {
                    for (int i = 0; i < Math.min(cursor, line.length()); i++) {
                        line.setCharAt(i, ' ');
                    }
                } else if (cursor < line.length()) {
                    line.setLength(cursor);
                }
            }
            case 'D' -> cursor = Math.max(0, cursor - Math.max(1, n));
            case 'C' -> cursor = Math.min(COLUMNS - 1, cursor + Math.max(1, n));
            case 'n' -> {
                if (n == 6) {
                    replies.accept("\u001b[1;" + (Math.min(cursor, COLUMNS - 1) + 1) + "R");
                }
            }
            case 'G' -> cursor = Math.max(0, Math.max(1, n) - 1);
            default -> { } // colours, cursor queries, scrolling: nothing to show in a notebook
        }
    }
}
