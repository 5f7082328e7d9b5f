package io.github.dockerlessons.engine;

import java.nio.charset.StandardCharsets;

/**
 * A heredoc typed into a terminal the way a person would: a line at a time, each once the program
 * has gone quiet (shown its prompt), ended by Enter (a carriage return), and the whole by Ctrl-D.
 * Line editors put the terminal in raw mode with TCSAFLUSH at every prompt, which throws away input
 * typed ahead.
 */
public final class TypedInput extends LineInput {
    private final String[] lines;
    private final StreamPump pump;
    private int line;
    private long sentAt = Long.MIN_VALUE;
    private boolean endSent;

    public TypedInput(byte[] heredoc, StreamPump pump) {
        String text = new String(heredoc, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        this.lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        this.pump = pump;
    }

    @Override
    String nextLine() {
        if (line >= lines.length && endSent) {
            return null;
        }
        try {
            // The program's answer to the previous line, then its prompt, before the next line: a
            // line sent while it is still busy is flushed by its next prompt.
            pump.awaitQuietAfter(sentAt, 150, 3000);
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
