package io.github.dockerlessons.engine;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A heredoc typed into a terminal the way a person would: a line at a time, each once the program
 * has gone quiet (shown its prompt), ended by Enter (a carriage return). Line editors put the
 * terminal in raw mode with TCSAFLUSH at every prompt, which throws away input typed ahead.
 */
public final class TypedInput extends InputStream {
    private final String[] lines;
    private final StreamPump pump;
    private int line;
    private byte[] current = new byte[0];
    private int position;

    public TypedInput(byte[] heredoc, StreamPump pump) {
        String text = new String(heredoc, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        this.lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        this.pump = pump;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= current.length) {
            if (line >= lines.length) {
                return -1;
            }
            try {
                pump.awaitQuiet(150, 3000);
            } catch (InterruptedException e) {
                return -1;
            }
            current = (lines[line++] + "\r").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
