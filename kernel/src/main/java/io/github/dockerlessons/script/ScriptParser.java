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
 * <p>A recursive-descent reader over the characters: a substitution's inside is parsed by the same
 * reader, which stops at the matching {@code )}.
 */
public final class ScriptParser {
    /**
     * How deep substitutions may nest: far more than a person writes, far less than would exhaust
     * the parser's stack (each level is a few frames of recursion here and in the expander).
     */
    public static final int MAX_NESTING = 64;

    private final String src;
    private int pos;
    private int line;
    /** How many substitutions this text is inside of. */
    private int depth;
    private final List<PendingHeredoc> pendingHeredocs = new ArrayList<>();

    private ScriptParser(String src, int firstLine, int depth) {
        this.src = src;
        this.line = firstLine;
        this.depth = depth;
    }

    public static Script parse(String text) throws ScriptException {
        if (text.startsWith("%%")) {
            return new Script(List.of(), cellMagic(text));
        }
        ScriptParser parser = new ScriptParser(text, 1, 0);
        return parser.parseCommands(false);
    }

    /** {@code %%name args} on the first line; the other lines are its body, as they are. */
    private static CellMagic cellMagic(String text) {
        int newline = text.indexOf('\n');
        String header = (newline < 0 ? text : text.substring(0, newline)).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1);
        List<String> words = List.of(header.split("\\s+"));
        return new CellMagic(words.get(0), words.subList(1, words.size()), body);
    }

    // ---------------------------------------------------------------- commands

    private Script parseCommands(boolean nested) throws ScriptException {
        List<Step> commands = new ArrayList<>();
        CommandBuilder current = new CommandBuilder(line, false);
        boolean afterAnd = false;
        while (true) {
            skipBlanks();
            if (!nested && depth == 0 && current.isEmpty() && !afterAnd && atLineStart() && peek(0) == '%') {
                commands.add(readMagicLine());
                continue;
            }
            if (atEnd()) {
                if (nested) {
                    throw new ScriptException(true, "script.unclosed.substitution");
                }
                if (afterAnd && current.isEmpty()) {
                    throw new ScriptException(true, "script.dangling.and");
                }
                current.addTo(commands);
                readPendingHeredocs();
                return new Script(commands);
            }
            char c = src.charAt(pos);
            switch (c) {
                case ')' -> {
                    if (!nested) {
                        throw invalid("script.unexpected", ")");
                    }
                    pos++;
                    if (!pendingHeredocs.isEmpty()) {
                        throw invalid("script.heredoc.in.substitution");
                    }
                    if (afterAnd && current.isEmpty()) {
                        throw invalid("script.unexpected", ")");
                    }
                    current.addTo(commands);
                    return new Script(commands);
                }
                case '\n' -> {
                    pos++;
                    line++;
                    // A newline right after && continues the same list, as in sh.
                    boolean finish = !(afterAnd && current.isEmpty());
                    if (finish) {
                        current.addTo(commands);
                    }
                    readPendingHeredocs();
                    if (finish) {
                        current = new CommandBuilder(line, false);
                        afterAnd = false;
                    }
                }
                case '#' -> skipComment();
                case ';' -> {
                    pos++;
                    if (current.isEmpty()) {
                        throw invalid("script.unexpected", ";");
                    }
                    current.addTo(commands);
                    current = new CommandBuilder(line, false);
                    afterAnd = false;
                }
                case '&' -> {
                    if (peek(1) != '&') {
                        throw invalid("script.unsupported.background");
                    }
                    pos += 2;
                    if (current.isEmpty()) {
                        throw invalid("script.unexpected", "&&");
                    }
                    current.addTo(commands);
                    current = new CommandBuilder(line, true);
                    afterAnd = true;
                }
                case '|' -> throw invalid(peek(1) == '|' ? "script.unsupported.or" : "script.unsupported.pipe");
                case '>' -> throw invalid("script.unsupported.redirect", redirectText());
                case '<' -> {
                    if (peek(1) == '<' && peek(2) != '<') {
                        if (current.words.isEmpty()) {
                            throw invalid("script.heredoc.without.command");
                        }
                        if (current.heredoc != null) {
                            throw invalid("script.heredoc.twice");
                        }
                        current.heredoc = readHeredocOperator();
                    } else {
                        throw invalid("script.unsupported.redirect", redirectText());
                    }
                }
                case '(' -> throw invalid("script.unsupported.subshell");
                default -> {
                    if (isDigitRedirect()) {
                        throw invalid("script.unsupported.redirect", redirectText());
                    }
                    String assigned = current.words.isEmpty() ? assignmentName() : null;
                    if (assigned != null) {
                        pos += assigned.length() + 1;
                        current.assignments.add(new SimpleCommand.Assignment(assigned, readWord(true)));
                    } else {
                        current.words.add(readWord(false));
                    }
                    afterAnd = false;
                }
            }
        }
    }

    /** A command under construction; {@code heredoc} is filled in once its body has been read. */
    private final class CommandBuilder {
        final int startLine;
        final boolean afterAnd;
        final List<SimpleCommand.Assignment> assignments = new ArrayList<>();
        final List<Word> words = new ArrayList<>();
        PendingHeredoc heredoc;

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
                int index = commands.size() - 1;
                if (heredoc != null) {
                    heredoc.target = commands;
                    heredoc.index = index;
                }
            }
        }
    }

    // ---------------------------------------------------------------- heredocs

    /** A {@code <<DELIM} seen on a line whose body starts on the next line. */
    private static final class PendingHeredoc {
        final String delimiter;
        final boolean expand;
        final boolean stripTabs;
        List<Step> target;
        int index;

        PendingHeredoc(String delimiter, boolean expand, boolean stripTabs) {
            this.delimiter = delimiter;
            this.expand = expand;
            this.stripTabs = stripTabs;
        }
    }

    private PendingHeredoc readHeredocOperator() throws ScriptException {
        pos += 2;
        boolean stripTabs = false;
        if (peek(0) == '-') {
            stripTabs = true;
            pos++;
        }
        skipBlanks();
        if (atEnd() || isWordEnd(src.charAt(pos))) {
            throw invalid("script.heredoc.no.delimiter");
        }
        // The delimiter is a word whose quotes only say "do not expand the body".
        Word raw = readWord(false);
        boolean quoted = raw.parts().stream().anyMatch(WordPart::quoted);
        StringBuilder delimiter = new StringBuilder();
        for (WordPart part : raw.parts()) {
            if (!(part instanceof WordPart.Literal literal)) {
                throw invalid("script.heredoc.no.delimiter");
            }
            delimiter.append(literal.text());
        }
        PendingHeredoc pending = new PendingHeredoc(delimiter.toString(), !quoted, stripTabs);
        pendingHeredocs.add(pending);
        return pending;
    }

    private void readPendingHeredocs() throws ScriptException {
        for (PendingHeredoc pending : pendingHeredocs) {
            StringBuilder body = new StringBuilder();
            boolean closed = false;
            while (!atEnd()) {
                int end = src.indexOf('\n', pos);
                String text = end < 0 ? src.substring(pos) : src.substring(pos, end);
                pos = end < 0 ? src.length() : end + 1;
                line++;
                if (pending.stripTabs) {
                    text = text.replaceFirst("^\t+", "");
                }
                if (text.equals(pending.delimiter)) {
                    closed = true;
                    break;
                }
                body.append(text).append('\n');
            }
            if (!closed) {
                throw new ScriptException(true, "script.unclosed.heredoc", pending.delimiter);
            }
            Word bodyWord = pending.expand
                    ? new ScriptParser(body.toString(), line, depth).readHeredocBody()
                    : new Word(List.of(new WordPart.Literal(body.toString(), true)));
            Heredoc heredoc = new Heredoc(pending.delimiter, pending.expand, bodyWord);
            if (pending.target != null) {
                SimpleCommand old = (SimpleCommand) pending.target.get(pending.index);
                pending.target.set(pending.index, new SimpleCommand(old.assignments(), old.words(), heredoc,
                        old.line(), old.runOnlyIfPreviousSucceeded()));
            }
        }
        pendingHeredocs.clear();
    }

    /** An unquoted heredoc body: like the inside of double quotes, but a {@code "} is just a character. */
    private Word readHeredocBody() throws ScriptException {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == '\\' && "$`\\\n".indexOf(peek(1)) >= 0 && peek(1) != 0) {
                if (peek(1) != '\n') {
                    text.append(peek(1));
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                WordPart part = c == '$' ? readDollar(true) : readBackquoted(true);
                if (part instanceof WordPart.Literal literal) {
                    text.append(literal.text());
                } else {
                    flush(text, parts, true);
                    parts.add(part);
                }
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(text, parts, true);
        return new Word(parts);
    }

    // ---------------------------------------------------------------- words

    private Word readWord(boolean allowEmpty) throws ScriptException {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (isWordEnd(c)) {
                break;
            }
            switch (c) {
                case '\\' -> {
                    if (pos + 1 >= src.length()) {
                        throw new ScriptException(true, "script.trailing.backslash");
                    }
                    char next = src.charAt(pos + 1);
                    pos += 2;
                    if (next == '\n') {
                        line++;
                    } else {
                        text.append(next);
                    }
                }
                case '\'' -> {
                    int close = src.indexOf('\'', pos + 1);
                    if (close < 0) {
                        throw new ScriptException(true, "script.unclosed.quote", "'");
                    }
                    flush(text, parts, false);
                    String quoted = src.substring(pos + 1, close);
                    line += count(quoted, '\n');
                    parts.add(new WordPart.Literal(quoted, true));
                    pos = close + 1;
                }
                case '"' -> {
                    flush(text, parts, false);
                    readDoubleQuoted(parts);
                }
                case '$' -> {
                    WordPart part = readDollar(false);
                    if (part instanceof WordPart.Literal literal) {
                        text.append(literal.text());
                    } else {
                        flush(text, parts, false);
                        parts.add(part);
                    }
                }
                case '`' -> {
                    flush(text, parts, false);
                    parts.add(readBackquoted(false));
                }
                default -> {
                    text.append(c);
                    pos++;
                }
            }
        }
        flush(text, parts, false);
        if (parts.isEmpty() && allowEmpty) {
            parts.add(new WordPart.Literal("", true));
        }
        return new Word(parts);
    }

    private void readDoubleQuoted(List<WordPart> parts) throws ScriptException {
        pos++; // the opening quote
        StringBuilder text = new StringBuilder();
        boolean any = false;
        while (true) {
            if (atEnd()) {
                throw new ScriptException(true, "script.unclosed.quote", "\"");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                char next = src.charAt(pos + 1);
                if (next == '\n') {
                    line++;
                } else {
                    text.append(next);
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                WordPart part = c == '$' ? readDollar(true) : readBackquoted(true);
                if (part instanceof WordPart.Literal literal) {
                    text.append(literal.text());
                } else {
                    flush(text, parts, true);
                    parts.add(part);
                    any = true;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                text.append(c);
                pos++;
            }
        }
        if (text.length() > 0 || !any) {
            parts.add(new WordPart.Literal(text.toString(), true));
        }
    }

    /** After a {@code $}: a variable, a substitution, or (followed by anything else) a plain dollar. */
    private WordPart readDollar(boolean quoted) throws ScriptException {
        char next = peek(1);
        if (next == '{') {
            int close = src.indexOf('}', pos + 2);
            if (close < 0) {
                throw new ScriptException(true, "script.unclosed.brace");
            }
            String name = src.substring(pos + 2, close);
            if (!isName(name) && !name.equals("?")) {
                throw invalid("script.unsupported.expansion", "${" + name + "}");
            }
            pos = close + 1;
            return new WordPart.Variable(name, quoted);
        }
        if (next == '(') {
            if (peek(2) == '(') {
                throw invalid("script.unsupported.arithmetic");
            }
            pos += 2;
            if (depth >= MAX_NESTING) {
                throw invalid("script.too.deep", MAX_NESTING);
            }
            depth++;
            Script inner = parseCommands(true);
            depth--;
            if (inner.isEmpty()) {
                throw invalid("script.empty.substitution");
            }
            return new WordPart.Substitution(inner, quoted);
        }
        if (next == '?') {
            pos += 2;
            return new WordPart.Variable("?", quoted);
        }
        if (isNameStart(next)) {
            int start = pos + 1;
            int end = start;
            while (end < src.length() && isNamePart(src.charAt(end))) {
                end++;
            }
            pos = end;
            return new WordPart.Variable(src.substring(start, end), quoted);
        }
        pos++;
        return new WordPart.Literal("$", quoted);
    }

    private WordPart readBackquoted(boolean quoted) throws ScriptException {
        if (depth >= MAX_NESTING) {
            throw invalid("script.too.deep", MAX_NESTING);
        }
        int startLine = line;
        StringBuilder inner = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= src.length()) {
                throw new ScriptException(true, "script.unclosed.quote", "`");
            }
            char c = src.charAt(i);
            if (c == '`') {
                break;
            }
            if (c == '\\' && i + 1 < src.length() && "$`\\".indexOf(src.charAt(i + 1)) >= 0) {
                inner.append(src.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            inner.append(c);
            i++;
        }
        pos = i + 1;
        ScriptParser innerParser = new ScriptParser(inner.toString(), startLine, depth + 1);
        Script script = innerParser.parseCommands(false);
        if (script.isEmpty()) {
            throw invalid("script.empty.substitution");
        }
        return new WordPart.Substitution(script, quoted);
    }

    // ---------------------------------------------------------------- magics

    /** Whether only blanks stand between the last line break (or the start) and here. */
    private boolean atLineStart() {
        for (int i = pos - 1; i >= 0; i--) {
            char c = src.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A {@code %name args} line, up to its end. */
    private MagicLine readMagicLine() {
        int end = src.indexOf('\n', pos);
        String text = (end < 0 ? src.substring(pos) : src.substring(pos, end)).strip();
        int at = line;
        pos = end < 0 ? src.length() : end;
        List<String> words = List.of(text.split("\\s+"));
        String rest = text.substring(words.get(0).length()).strip();
        return new MagicLine(words.get(0), words.subList(1, words.size()), rest, at);
    }

    // ---------------------------------------------------------------- helpers

    private static void flush(StringBuilder text, List<WordPart> parts, boolean quoted) {
        if (text.length() > 0) {
            parts.add(new WordPart.Literal(text.toString(), quoted));
            text.setLength(0);
        }
    }

    private String assignmentName() {
        int end = pos;
        if (end >= src.length() || !isNameStart(src.charAt(end))) {
            return null;
        }
        while (end < src.length() && isNamePart(src.charAt(end))) {
            end++;
        }
        return end < src.length() && src.charAt(end) == '=' ? src.substring(pos, end) : null;
    }

    /** {@code 2>file} or {@code 0<file}: digits glued to a redirection operator. */
    private boolean isDigitRedirect() {
        int end = pos;
        while (end < src.length() && Character.isDigit(src.charAt(end))) {
            end++;
        }
        return end > pos && end < src.length() && (src.charAt(end) == '>' || src.charAt(end) == '<');
    }

    private String redirectText() {
        int end = pos;
        while (end < src.length() && "0123456789<>&|".indexOf(src.charAt(end)) >= 0) {
            end++;
        }
        return src.substring(pos, Math.max(end, pos + 1));
    }

    private void skipBlanks() {
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peek(1) == '\n') {
                pos += 2;
                line++;
            } else {
                break;
            }
        }
    }

    private void skipComment() {
        while (!atEnd() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private static boolean isWordEnd(char c) {
        return " \t\r\n;&|<>()".indexOf(c) >= 0;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isNamePart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : 0;
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private ScriptException invalid(String key, Object... args) {
        Object[] withLine = new Object[args.length + 1];
        withLine[0] = line;
        System.arraycopy(args, 0, withLine, 1, args.length);
        return new ScriptException(false, key, withLine);
    }
}
