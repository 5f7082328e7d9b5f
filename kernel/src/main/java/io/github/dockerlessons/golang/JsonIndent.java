package io.github.dockerlessons.golang;

/**
 * Go's json.Indent: re-indents JSON text without rewriting it, so strings keep the daemon's own
 * escapes and keys their order, as {@code docker inspect} prints them. Empty objects and arrays stay
 * {@code {}} and {@code []}.
 */
public final class JsonIndent {
    private JsonIndent() {
    }

    public static String indent(String json, String prefix, String indent) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean needIndent = false;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (needIndent && c != ']' && c != '}') {
                needIndent = false;
                depth++;
                newline(out, prefix, indent, depth);
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    needIndent = true; // delayed, so that {} and [] stay together
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, prefix, indent, depth);
                }
                case ':' -> out.append(": ");
                case '}', ']' -> {
                    if (needIndent) {
                        needIndent = false; // empty: no newline inside
                    } else {
                        depth--;
                        newline(out, prefix, indent, depth);
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Go's json.Compact: the same JSON without the spaces and newlines between its tokens. */
    public static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void newline(StringBuilder out, String prefix, String indent, int depth) {
        out.append('\n').append(prefix);
        out.append(indent.repeat(Math.max(0, depth)));
    }
}
