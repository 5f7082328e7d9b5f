package io.github.dockerlessons.script;

/**
 * One piece of a shell word. A word such as {@code "id-$N"$(docker ps -q)} is a literal, a variable
 * and a substitution; each piece remembers whether it stood inside double quotes, because only
 * unquoted expansions are split into several words.
 */
public sealed interface WordPart {

    boolean quoted();

    /** Text that stands for itself: from a bare word, single quotes or double quotes. */
    record Literal(String text, boolean quoted) implements WordPart { }

    /** {@code $NAME}, {@code ${NAME}} or the special {@code $?}. */
    record Variable(String name, boolean quoted) implements WordPart { }

    /** {@code $(...)} or a backquoted command; {@code script} is parsed when the outer cell is. */
    record Substitution(Script script, boolean quoted) implements WordPart { }
}
