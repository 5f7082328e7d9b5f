package io.github.dockerlessons.script;

import java.util.List;

/**
 * A {@code %name args} line of a cell: the notebook's own command, not docker's. Only a line that
 * starts a command is one; a {@code %} inside a heredoc or a quoted string is data.
 *
 * @param name the magic's name with its {@code %} ("%lang")
 * @param args the words after it, split at blanks
 * @param rest the text after the name as written (for a magic that takes a command: {@code %live docker ps})
 */
public record MagicLine(String name, List<String> args, String rest, int line) implements Step {
    public MagicLine {
        args = List.copyOf(args);
    }
}
