package io.github.dockerlessons.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cell in the small shell language the lectures use: one command a line, {@code ;} and
 * {@code &&} between commands, {@code \} continuing a line, {@code #} comments, single and double
 * quotes, {@code $NAME}/{@code ${NAME}}, {@code $(...)} and backquotes, {@code NAME=value}, and
 * here-documents. Everything else a shell would accept (pipes, redirections, {@code &}, subshells) is
 * rejected with an error that names the construct, so nobody wonders why it was ignored.
 *
 * <p>A recursive-descent reader over the characters: this class reads the list of commands and
 * magic lines, {@link WordReader} the words (and a substitution's inside with this class again,
 * stopping at the matching {@code )}), {@link HeredocReader} the here-documents.
 */
public final class ScriptParser {
    /**
     * How deep substitutions may nest: far more than a person writes, far less than would exhaust
     * the parser's stack (each level is a few frames of recursion here and in the expander).
     */
    public static final int MAX_NESTING = 64;

    private final SourceCursor in;
    private final WordReader words;
    private final HeredocReader heredocs;

    private ScriptParser(String src, int firstLine, int depth) {
        this.in = new SourceCursor(src, firstLine, depth);
        this.words = new WordReader(in, this);
        this.heredocs = new HeredocReader(in, words);
    }

    public static Script parse(String text) throws ScriptException {
        if (text.startsWith("%%")) {
            return new Script(List.of(), cellMagic(text));
        }
        return new ScriptParser(text, 1, 0).parseCommands(false);
    }

    /** A backquoted command's text, already unescaped: read as a cell of its own, one level deeper. */
    static Script parseInner(String text, int firstLine, int depth) throws ScriptException {
        return new ScriptParser(text, firstLine, depth).parseCommands(false);
    }

    /** An unquoted heredoc's body, whose {@code $NAME} and {@code $(...)} expand. */
    static Word heredocBody(String body, int firstLine, int depth) throws ScriptException {
        return new ScriptParser(body, firstLine, depth).words.readHeredocBody();
    }

    /** {@code %%name args} on the first line; the other lines are its body, as they are. */
    private static CellMagic cellMagic(String text) {
        int newline = text.indexOf('\n');
        String header = (newline < 0 ? text : text.substring(0, newline)).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1);
        List<String> words = List.of(header.split("\\s+"));
        return new CellMagic(words.get(0), words.subList(1, words.size()), body);
    }

    /**
     * The commands up to the end of the text, or, when {@code nested}, up to the {@code )} that closes
     * the substitution being read.
     */
    Script parseCommands(boolean nested) throws ScriptException {
        List<Step> commands = new ArrayList<>();
        CommandBuilder current = new CommandBuilder(in.line, false);
        boolean afterAnd = false;
        while (true) {
            in.skipBlanks();
            if (!nested && in.depth == 0 && current.isEmpty() && !afterAnd && in.atLineStart() && in.peek(0) == '%') {
                commands.add(readMagicLine());
                continue;
            }
            if (in.atEnd()) {
                if (nested) {
                    throw new ScriptException(true, "script.unclosed.substitution");
                }
                if (afterAnd && current.isEmpty()) {
                    throw new ScriptException(true, "script.dangling.and");
                }
                current.addTo(commands);
                heredocs.readBodies();
                return new Script(commands);
            }
            char c = in.current();
            switch (c) {
                case ')' -> {
                    if (!nested) {
                        throw in.invalid("script.unexpected", ")");
                    }
                    in.pos++;
                    if (heredocs.anyPending()) {
                        throw in.invalid("script.heredoc.in.substitution");
                    }
                    if (afterAnd && current.isEmpty()) {
                        throw in.invalid("script.unexpected", ")");
                    }
                    current.addTo(commands);
                    return new Script(commands);
                }
                case '\n' -> {
                    in.pos++;
                    in.line++;
                    // A newline right after && continues the same list, as in sh.
                    boolean finish = !(afterAnd && current.isEmpty());
                    if (finish) {
                        current.addTo(commands);
                    }
                    heredocs.readBodies();
                    if (finish) {
                        current = new CommandBuilder(in.line, false);
                        afterAnd = false;
                    }
                }
                case '#' -> in.skipComment();
                case ';' -> {
                    in.pos++;
                    if (current.isEmpty()) {
                        throw in.invalid("script.unexpected", ";");
                    }
                    current.addTo(commands);
                    current = new CommandBuilder(in.line, false);
                    afterAnd = false;
                }
                case '&' -> {
                    if (in.peek(1) != '&') {
                        throw in.invalid("script.unsupported.background");
                    }
                    in.pos += 2;
                    if (current.isEmpty()) {
                        throw in.invalid("script.unexpected", "&&");
                    }
                    current.addTo(commands);
                    current = new CommandBuilder(in.line, true);
                    afterAnd = true;
                }
                case '|' -> throw in.invalid(in.peek(1) == '|' ? "script.unsupported.or" : "script.unsupported.pipe");
                case '>' -> throw in.invalid("script.unsupported.redirect", redirectText());
                case '<' -> {
                    if (in.peek(1) == '<' && in.peek(2) != '<') {
                        if (current.words.isEmpty()) {
                            throw in.invalid("script.heredoc.without.command");
                        }
                        if (current.heredoc != null) {
                            throw in.invalid("script.heredoc.twice");
                        }
                        current.heredoc = heredocs.readOperator();
                    } else {
                        throw in.invalid("script.unsupported.redirect", redirectText());
                    }
                }
                case '(' -> throw in.invalid("script.unsupported.subshell");
                default -> {
                    if (isDigitRedirect()) {
                        throw in.invalid("script.unsupported.redirect", redirectText());
                    }
                    String assigned = current.words.isEmpty() ? assignmentName() : null;
                    if (assigned != null) {
                        in.pos += assigned.length() + 1;
                        current.assignments.add(new SimpleCommand.Assignment(assigned, words.readWord(true)));
                    } else {
                        current.words.add(words.readWord(false));
                    }
                    afterAnd = false;
                }
            }
        }
    }

    /** A command under construction; its heredoc's body is attached once it has been read. */
    private static final class CommandBuilder {
        final int startLine;
        final boolean afterAnd;
        final List<SimpleCommand.Assignment> assignments = new ArrayList<>();
        final List<Word> words = new ArrayList<>();
        HeredocReader.Pending heredoc;

        CommandBuilder(int startLine, boolean afterAnd) {
            this.startLine = startLine;
            this.afterAnd = afterAnd;
        }

        boolean isEmpty() {
            return assignments.isEmpty() && words.isEmpty();
        }

        void addTo(List<Step> commands) {
            if (!isEmpty()) {
                commands.add(new SimpleCommand(assignments, words, null, startLine, afterAnd));
                if (heredoc != null) {
                    heredoc.belongsTo(commands, commands.size() - 1);
                }
            }
        }
    }

    /** A {@code %name args} line, up to its end. */
    private MagicLine readMagicLine() {
        int at = in.line;
        String text = in.takeRestOfLine().strip();
        List<String> args = List.of(text.split("\\s+"));
        String rest = text.substring(args.get(0).length()).strip();
        return new MagicLine(args.get(0), args.subList(1, args.size()), rest, at);
    }

    private String assignmentName() {
        int end = in.pos;
        String src = in.src;
        if (end >= src.length() || !ShellSyntax.isNameStart(src.charAt(end))) {
            return null;
        }
        while (end < src.length() && ShellSyntax.isNamePart(src.charAt(end))) {
            end++;
        }
        return end < src.length() && src.charAt(end) == '=' ? src.substring(in.pos, end) : null;
    }

    /** {@code 2>file} or {@code 0<file}: digits glued to a redirection operator. */
    private boolean isDigitRedirect() {
        int end = in.pos;
        String src = in.src;
        while (end < src.length() && Character.isDigit(src.charAt(end))) {
            end++;
        }
        return end > in.pos && end < src.length() && (src.charAt(end) == '>' || src.charAt(end) == '<');
    }

    private String redirectText() {
        int end = in.pos;
        String src = in.src;
        while (end < src.length() && "0123456789<>&|".indexOf(src.charAt(end)) >= 0) {
            end++;
        }
        return src.substring(in.pos, Math.max(end, in.pos + 1));
    }
}
