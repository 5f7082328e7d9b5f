package io.github.dockerlessons.engine;

import java.nio.charset.StandardCharsets;

/**
 * A heredoc typed into a terminal the way a person would: a line at a time, each once the program
 * has gone quiet (shown its prompt), ended by Enter (a carriage return). Line editors put the
 * terminal in raw mode with TCSAFLUSH at every prompt, which throws away input typed ahead.
 */
public final class TypedInput extends LineInput {
    private final String[] lines;
    private final StreamPump pump;
    private int line;

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
        if (line >= lines.length) {
            return null;
        }
        try {
            pump.awaitQuiet(150, 3000);
        } catch (InterruptedException e) {
            return null;
        }
        return lines[line++] + "\r";
    }
}
