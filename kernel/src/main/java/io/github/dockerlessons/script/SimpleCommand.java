package io.github.dockerlessons.script;

import java.util.List;

/**
 * One command of a cell: leading {@code NAME=value} assignments, the words of the command (empty for
 * a line of assignments only) and an optional here-document for its stdin.
 *
 * @param line         1-based line of the cell the command starts on, for error messages
 * @param runOnlyIfPreviousSucceeded true when the command follows {@code &&}
 */
public record SimpleCommand(List<Assignment> assignments, List<Word> words, Heredoc heredoc, int line,
                            boolean runOnlyIfPreviousSucceeded) implements Step {

    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
    }

    /** {@code NAME=value} before a command or alone on a line. */
    public record Assignment(String name, Word value) { }
}
