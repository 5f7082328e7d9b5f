package io.github.dockerlessons.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Here-documents: the {@code <<DELIM} operator is read where it stands, and its body from the start
 * of the next line up to the delimiter, once that line's commands are complete (as sh reads them).
 * The command the body belongs to is then rebuilt with its {@link Heredoc}.
 */
final class HeredocReader {
    private final SourceCursor in;
    private final WordReader words;
    private final List<Pending> pending = new ArrayList<>();

    HeredocReader(SourceCursor in, WordReader words) {
        this.in = in;
        this.words = words;
    }

    /** A {@code <<DELIM} seen on a line whose body starts on the next line. */
    static final class Pending {
        final String delimiter;
        final boolean expand;
        final boolean stripTabs;
        List<Step> target;
        int index;

        Pending(String delimiter, boolean expand, boolean stripTabs) {
            this.delimiter = delimiter;
            this.expand = expand;
            this.stripTabs = stripTabs;
        }

        /** The body goes to the command at {@code index} of {@code commands} once it is read. */
        void belongsTo(List<Step> commands, int index) {
            this.target = commands;
            this.index = index;
        }
    }

    boolean anyPending() {
        return !pending.isEmpty();
    }

    /** The operator {@code <<} or {@code <<-} and its delimiter word; the cursor is on the first {@code <}. */
    Pending readOperator() throws ScriptException {
        in.pos += 2;
        boolean stripTabs = false;
        if (in.peek(0) == '-') {
            stripTabs = true;
            in.pos++;
        }
        in.skipBlanks();
        if (in.atEnd() || ShellSyntax.isWordEnd(in.current())) {
            throw in.invalid("script.heredoc.no.delimiter");
        }
        // The delimiter is a word whose quotes only say "do not expand the body".
        Word raw = words.readWord(false);
        boolean quoted = raw.parts().stream().anyMatch(WordPart::quoted);
        StringBuilder delimiter = new StringBuilder();
        for (WordPart part : raw.parts()) {
            if (!(part instanceof WordPart.Literal literal)) {
                throw in.invalid("script.heredoc.no.delimiter");
            }
            delimiter.append(literal.text());
        }
        Pending heredoc = new Pending(delimiter.toString(), !quoted, stripTabs);
        pending.add(heredoc);
        return heredoc;
    }

    /** The bodies of the heredocs opened on the line just ended, in the order they were opened. */
    void readBodies() throws ScriptException {
        for (Pending heredoc : pending) {
            StringBuilder body = new StringBuilder();
            boolean closed = false;
            while (!in.atEnd()) {
                int end = in.src.indexOf('\n', in.pos);
                String text = end < 0 ? in.src.substring(in.pos) : in.src.substring(in.pos, end);
                in.pos = end < 0 ? in.src.length() : end + 1;
                in.line++;
                if (heredoc.stripTabs) {
                    text = text.replaceFirst("^\t+", "");
                }
                if (text.equals(heredoc.delimiter)) {
                    closed = true;
                    break;
                }
                body.append(text).append('\n');
            }
            if (!closed) {
                throw new ScriptException(true, "script.unclosed.heredoc", heredoc.delimiter);
            }
            Word bodyWord = heredoc.expand
                    ? ScriptParser.heredocBody(body.toString(), in.line, in.depth)
                    : new Word(List.of(new WordPart.Literal(body.toString(), true)));
            attach(heredoc, new Heredoc(heredoc.delimiter, heredoc.expand, bodyWord));
        }
        pending.clear();
    }

    private static void attach(Pending heredoc, Heredoc read) {
        if (heredoc.target != null) {
            SimpleCommand old = (SimpleCommand) heredoc.target.get(heredoc.index);
            heredoc.target.set(heredoc.index, new SimpleCommand(old.assignments(), old.words(), read,
                    old.line(), old.runOnlyIfPreviousSucceeded()));
        }
    }
}
