package io.github.dockerlessons.command.stream;

import io.github.dockerlessons.console.Console;

/**
 * A program's stdin typed by the user: each time the program needs more, the frontend's input box
 * asks for a line, with the program's unfinished output line (its prompt) as the box's prompt. An
 * empty answer, or none, ends the input (EOF), as Ctrl-D would in a terminal.
 */
final class AskingInput extends LineInput {
    private final Console console;
    private final ContainerOutput output;
    private final boolean tty;
    private boolean ended;

    /**
     * {@code tty}: a terminal's Enter is a carriage return; a line editor in raw mode (redis-cli)
     * takes a newline as a character, and a terminal in cooked mode turns the return into one.
     */
    AskingInput(Console console, ContainerOutput output, boolean tty) {
        this.console = console;
        this.output = output;
        this.tty = tty;
    }

    @Override
    String nextLine() {
        if (ended || Thread.currentThread().isInterrupted()) {
            return null;
        }
        try {
            if (tty) {
                // A TTY program reads its terminal first (size, cursor): ask once its prompt is there.
                output.awaitFirstOutput(1000);
            }
            Thread.sleep(100); // let the program's prompt arrive before the input box opens
        } catch (InterruptedException e) {
            return null;
        }
        String answer = console.ask(output.partialLine());
        if (answer == null || answer.isEmpty()) {
            ended = true;
            if (tty) {
                try {
                    output.awaitQuiet(300, 5000); // closing a TTY's input hangs it up: let it answer first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }
        return answer + (tty ? "\r" : "\n");
    }
}
