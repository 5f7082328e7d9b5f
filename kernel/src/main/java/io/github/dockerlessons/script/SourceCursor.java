package io.github.dockerlessons.script;

/**
 * Where the reading of a cell's text stands: the text, the position and line, and how many
 * substitutions deep it is. The word, heredoc and command readers share one cursor, so an error can
 * name the line it was found on.
 */
final class SourceCursor {
    final String src;
    int pos;
    int line;
    /** How many substitutions this text is inside of. */
    int depth;

    SourceCursor(String src, int firstLine, int depth) {
        this.src = src;
        this.line = firstLine;
        this.depth = depth;
    }

    char current() {
        return src.charAt(pos);
    }

    char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : 0;
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    /** Blanks and {@code \}-newline continuations between words. */
    void skipBlanks() {
        while (!atEnd()) {
            char c = current();
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

    void skipComment() {
        while (!atEnd() && current() != '\n') {
            pos++;
        }
    }

    /** Whether only blanks stand between the last line break (or the start) and here. */
    boolean atLineStart() {
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

    /** The rest of the current line (without its newline); the cursor stops at the newline. */
    String takeRestOfLine() {
        int end = src.indexOf('\n', pos);
        String text = end < 0 ? src.substring(pos) : src.substring(pos, end);
        pos = end < 0 ? src.length() : end;
        return text;
    }

    /** Input that can never parse, with the line it is on as the message's first argument. */
    ScriptException invalid(String key, Object... args) {
        Object[] withLine = new Object[args.length + 1];
        withLine[0] = line;
        System.arraycopy(args, 0, withLine, 1, args.length);
        return new ScriptException(false, key, withLine);
    }
}
