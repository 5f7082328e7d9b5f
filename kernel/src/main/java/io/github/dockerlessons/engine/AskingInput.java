package io.github.dockerlessons.engine;

import io.github.dockerlessons.console.Console;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A program's stdin typed by the user: each time the program needs more, the unfinished output line
 * (its prompt) is shown and the frontend's input box asks for a line. An empty answer, or none,
 * ends the input (EOF), as Ctrl-D would in a terminal.
 */
public final class AskingInput extends InputStream {
    private final Console console;
    private final StreamPump pump;
    private final String enter;
    private byte[] line = new byte[0];
    private int position;
    private boolean ended;

    /**
     * {@code tty}: a terminal's Enter is a carriage return; a line editor in raw mode (redis-cli)
     * takes a newline as a character, and a terminal in cooked mode turns the return into one.
     */
    public AskingInput(Console console, StreamPump pump, boolean tty) {
        this.console = console;
        this.pump = pump;
        this.enter = tty ? "\r" : "\n";
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= line.length) {
            if (ended || Thread.currentThread().isInterrupted()) {
                return -1;
            }
            try {
                Thread.sleep(100); // let the program's prompt arrive before the input box opens
            } catch (InterruptedException e) {
                return -1;
            }
            // The program's unfinished line (its prompt) becomes the input box's prompt.
            String answer = console.ask(pump.partialLine());
            if (answer == null || answer.isEmpty()) {
                ended = true;
                return -1;
            }
            line = (answer + enter).getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        return n;
    }
}
