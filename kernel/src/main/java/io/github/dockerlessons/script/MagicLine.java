package io.github.dockerlessons.script;

import java.util.List;

/**
 * A {@code %name args} line of a cell: the notebook's own command, not docker's. Only a line that
 * starts a command is one; a {@code %} inside a heredoc or a quoted string is data.
 *
 * @param name the magic's name with its {@code %} ("%lang")
 * @param args the words after it, split at blanks
 */
public record MagicLine(String name, List<String> args, int line) implements Step {
    public MagicLine {
        args = List.copyOf(args);
    }
}
