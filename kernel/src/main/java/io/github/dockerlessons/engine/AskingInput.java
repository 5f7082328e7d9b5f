package io.github.dockerlessons.engine;

import io.github.dockerlessons.console.Console;

/**
 * A program's stdin typed by the user: each time the program needs more, the frontend's input box
 * asks for a line, with the program's unfinished output line (its prompt) as the box's prompt. An
 * empty answer, or none, ends the input (EOF), as Ctrl-D would in a terminal.
 */
public final class AskingInput extends LineInput {
    private final Console console;
    private final StreamPump pump;
    private final String enter;
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
    String nextLine() {
        if (ended || Thread.currentThread().isInterrupted()) {
            return null;
        }
        try {
            Thread.sleep(100); // let the program's prompt arrive before the input box opens
        } catch (InterruptedException e) {
            return null;
        }
        String answer = console.ask(pump.partialLine());
        if (answer == null || answer.isEmpty()) {
            ended = true;
            return null;
        }
        return answer + enter;
    }
}
