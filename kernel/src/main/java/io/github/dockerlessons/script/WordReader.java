package io.github.dockerlessons.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads shell words: bare text, {@code \} escapes, single and double quotes, {@code $NAME} and
 * {@code ${NAME}}, {@code $(...)} and backquotes. A substitution's inside is read as commands by the
 * cell's {@link ScriptParser}, which stops at the matching {@code )}.
 */
final class WordReader {
    private final SourceCursor in;
    private final ScriptParser commands;

    WordReader(SourceCursor in, ScriptParser commands) {
        this.in = in;
        this.commands = commands;
    }

    /** One word, up to a blank or an operator; {@code allowEmpty} for an assignment's value. */
    Word readWord(boolean allowEmpty) throws ScriptException {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.current();
            if (ShellSyntax.isWordEnd(c)) {
                break;
            }
            switch (c) {
                case '\\' -> {
                    if (in.pos + 1 >= in.src.length()) {
                        throw new ScriptException(true, "script.trailing.backslash");
                    }
                    char next = in.peek(1);
                    in.pos += 2;
                    if (next == '\n') {
                        in.line++;
                    } else {
                        text.append(next);
                    }
                }
                case '\'' -> {
                    int close = in.src.indexOf('\'', in.pos + 1);
                    if (close < 0) {
                        throw new ScriptException(true, "script.unclosed.quote", "'");
                    }
                    flush(text, parts, false);
                    String quoted = in.src.substring(in.pos + 1, close);
                    in.line += ShellSyntax.count(quoted, '\n');
                    parts.add(new WordPart.Literal(quoted, true));
                    in.pos = close + 1;
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
                    in.pos++;
                }
            }
        }
        flush(text, parts, false);
        if (parts.isEmpty() && allowEmpty) {
            parts.add(new WordPart.Literal("", true));
        }
        return new Word(parts);
    }

    /** An unquoted heredoc body: like the inside of double quotes, but a {@code "} is just a character. */
    Word readHeredocBody() throws ScriptException {
        List<WordPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.current();
            if (c == '\\' && "$`\\\n".indexOf(in.peek(1)) >= 0 && in.peek(1) != 0) {
                if (in.peek(1) != '\n') {
                    text.append(in.peek(1));
                }
                in.pos += 2;
            } else if (c == '$' || c == '`') {
                readQuotedExpansion(c, text, parts);
            } else {
                text.append(c);
                in.pos++;
            }
        }
        flush(text, parts, true);
        return new Word(parts);
    }

    private void readDoubleQuoted(List<WordPart> parts) throws ScriptException {
        in.pos++; // the opening quote
        StringBuilder text = new StringBuilder();
        boolean any = false;
        while (true) {
            if (in.atEnd()) {
                throw new ScriptException(true, "script.unclosed.quote", "\"");
            }
            char c = in.current();
            if (c == '"') {
                in.pos++;
                break;
            }
            if (c == '\\' && in.pos + 1 < in.src.length() && "$`\"\\\n".indexOf(in.peek(1)) >= 0) {
                char next = in.peek(1);
                if (next == '\n') {
                    in.line++;
                } else {
                    text.append(next);
                }
                in.pos += 2;
            } else if (c == '$' || c == '`') {
                any |= readQuotedExpansion(c, text, parts);
            } else {
                if (c == '\n') {
                    in.line++;
                }
                text.append(c);
                in.pos++;
            }
        }
        if (text.length() > 0 || !any) {
            parts.add(new WordPart.Literal(text.toString(), true));
        }
    }

    /**
     * A {@code $} or backquote inside double quotes or a heredoc body: a plain dollar joins the text,
     * anything else becomes a part of its own; returns whether it did.
     */
    private boolean readQuotedExpansion(char c, StringBuilder text, List<WordPart> parts) throws ScriptException {
        WordPart part = c == '$' ? readDollar(true) : readBackquoted(true);
        if (part instanceof WordPart.Literal literal) {
            text.append(literal.text());
            return false;
        }
        flush(text, parts, true);
        parts.add(part);
        return true;
    }

    /** After a {@code $}: a variable, a substitution, or (followed by anything else) a plain dollar. */
    private WordPart readDollar(boolean quoted) throws ScriptException {
        char next = in.peek(1);
        if (next == '{') {
            int close = in.src.indexOf('}', in.pos + 2);
            if (close < 0) {
                throw new ScriptException(true, "script.unclosed.brace");
            }
            String name = in.src.substring(in.pos + 2, close);
            if (!ShellSyntax.isName(name) && !name.equals("?")) {
                throw in.invalid("script.unsupported.expansion", "${" + name + "}");
            }
            in.pos = close + 1;
            return new WordPart.Variable(name, quoted);
        }
        if (next == '(') {
            if (in.peek(2) == '(') {
                throw in.invalid("script.unsupported.arithmetic");
            }
            in.pos += 2;
            if (in.depth >= ScriptParser.MAX_NESTING) {
                throw in.invalid("script.too.deep", ScriptParser.MAX_NESTING);
            }
            in.depth++;
            Script inner = commands.parseCommands(true);
            in.depth--;
            if (inner.isEmpty()) {
                throw in.invalid("script.empty.substitution");
            }
            return new WordPart.Substitution(inner, quoted);
        }
        if (next == '?') {
            in.pos += 2;
            return new WordPart.Variable("?", quoted);
        }
        if (ShellSyntax.isNameStart(next)) {
            int start = in.pos + 1;
            int end = start;
            while (end < in.src.length() && ShellSyntax.isNamePart(in.src.charAt(end))) {
                end++;
            }
            in.pos = end;
            return new WordPart.Variable(in.src.substring(start, end), quoted);
        }
        in.pos++;
        return new WordPart.Literal("$", quoted);
    }

    private WordPart readBackquoted(boolean quoted) throws ScriptException {
        if (in.depth >= ScriptParser.MAX_NESTING) {
            throw in.invalid("script.too.deep", ScriptParser.MAX_NESTING);
        }
        int startLine = in.line;
        StringBuilder inner = new StringBuilder();
        int i = in.pos + 1;
        while (true) {
            if (i >= in.src.length()) {
                throw new ScriptException(true, "script.unclosed.quote", "`");
            }
            char c = in.src.charAt(i);
            if (c == '`') {
                break;
            }
            if (c == '\\' && i + 1 < in.src.length() && "$`\\".indexOf(in.src.charAt(i + 1)) >= 0) {
                inner.append(in.src.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '\n') {
                in.line++;
            }
            inner.append(c);
            i++;
        }
        in.pos = i + 1;
        Script script = ScriptParser.parseInner(inner.toString(), startLine, in.depth + 1);
        if (script.isEmpty()) {
            throw in.invalid("script.empty.substitution");
        }
        return new WordPart.Substitution(script, quoted);
    }

    private static void flush(StringBuilder text, List<WordPart> parts, boolean quoted) {
        if (text.length() > 0) {
            parts.add(new WordPart.Literal(text.toString(), quoted));
            text.setLength(0);
        }
    }
}
