package io.github.dockerlessons.script;

import java.util.List;

/**
 * {@code pwd}, the one shell builtin a substitution may run: the course mounts the notebook's folder
 * with {@code -v $(pwd):/usr/src/app}. It prints the notebook's folder; with {@code -L} or {@code -P}
 * the same, since the kernel's folder is already the resolved one. Any other program inside
 * {@code $( )} still goes to the session, which answers that it is not a docker command. A cell's own
 * {@code pwd} line prints the same folder (the session runs it with {@link #invalidOption}).
 */
public final class PwdBuiltin {
    private PwdBuiltin() {
    }

    /** Whether the substitution's script is {@code pwd} alone, optionally with {@code -L}/{@code -P}. */
    static boolean isPwd(Script script) {
        if (script.steps().size() != 1 || !(script.steps().get(0) instanceof SimpleCommand command)) {
            return false;
        }
        if (!command.assignments().isEmpty() || command.heredoc() != null || command.words().isEmpty()) {
            return false;
        }
        List<Word> words = command.words();
        if (!"pwd".equals(literal(words.get(0)))) {
            return false;
        }
        for (Word option : words.subList(1, words.size())) {
            String text = literal(option);
            if (text == null || !text.matches("-[LP]+")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first option a {@code pwd} line refuses, as bash's builtin does ("-x"), or null when it prints the
     * folder: options -L and -P (together too), {@code --} ending them; operands are ignored as bash ignores them.
     */
    public static String invalidOption(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--") || !arg.startsWith("-") || arg.equals("-")) {
                return null;
            }
            if (!arg.matches("-[LP]+")) {
                return arg.length() > 2 ? arg.substring(0, 2) : arg;
            }
        }
        return null;
    }

    /** The word's text when it has no expansion in it, else null. */
    private static String literal(Word word) {
        StringBuilder text = new StringBuilder();
        for (WordPart part : word.parts()) {
            if (!(part instanceof WordPart.Literal literal)) {
                return null;
            }
            text.append(literal.text());
        }
        return text.toString();
    }
}
