package io.github.dockerlessons.command.stream;

import java.nio.charset.StandardCharsets;

/**
 * A heredoc typed into a terminal the way a person would: a line at a time, each once the program
 * has gone quiet (shown its prompt), ended by Enter (a carriage return), and the whole by Ctrl-D.
 * Line editors put the terminal in raw mode with TCSAFLUSH at every prompt, which throws away input
 * typed ahead. Closing a TTY's input hangs it up, so the end comes only once the program has
 * answered the last line.
 */
final class TypedInput extends LineInput {
    /**
     * Busybox takes 50 ms after a cursor report to give up on it; the rest is room for a busy machine.
     * Counted from the answer's writing, not from its reading (which cannot be seen from here): a
     * shell held off the CPU for longer can still lose the start of a line.
     */
    private static final long ANSWER_READ_MILLIS = 400;
    private final String[] lines;
    private final ContainerOutput output;
    private int line;
    private long sentAt = Long.MIN_VALUE;
    private boolean endSent;

    TypedInput(byte[] heredoc, ContainerOutput output) {
        String text = new String(heredoc, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        this.lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        this.output = output;
    }

    @Override
    String nextLine() {
        try {
            if (line >= lines.length && endSent) {
                output.awaitQuiet(300, 5000);
                return null;
            }
            if (sentAt == Long.MIN_VALUE) {
                output.awaitFirstOutput(1000);
            }
            // The program's answer to the previous line, then its prompt, before the next line: a
            // line sent while it is still busy is flushed by its next prompt.
            output.awaitQuietAfter(sentAt, 150, 3000);
            // A cursor report answered at the prompt must be read, and done with, before the line comes.
            output.awaitAnswerRead(ANSWER_READ_MILLIS);
        } catch (InterruptedException e) {
            return null;
        }
        sentAt = System.nanoTime();
        if (line >= lines.length) {
            // The end of the heredoc is Ctrl-D, as at a terminal: closing stdin does not reach a TTY.
            endSent = true;
            return "\u0004";
        }
        return lines[line++] + "\r";
    }
}
