package io.github.dockerlessons.command.stream;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A program's stdin given a line at a time, each line fetched only when the program has read the
 * previous one: from the input box ({@link AskingInput}) or a heredoc typed into a terminal
 * ({@link TypedInput}).
 */
abstract class LineInput extends InputStream {
    private byte[] current = new byte[0];
    private int position;

    /** The next line with its line end, or null at the end of the input. */
    abstract String nextLine();

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= current.length) {
            String line = nextLine();
            if (line == null) {
                return -1;
            }
            current = line.getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
