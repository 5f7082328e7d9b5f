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
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            if (needIndent && c != ']' && c != '}') {
                needIndent = false;
                depth++;
                newline(out, prefix, indent, depth);
            }
            switch (c) {
                case '"' -> i = copyString(json, i, out);
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
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                i = copyString(json, i, out);
            } else if (!isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Copies the string that opens at {@code open} as it is, escapes and all; returns where it closes. */
    private static int copyString(String json, int open, StringBuilder out) {
        out.append('"');
        int i = open + 1;
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            out.append(c);
            if (c == '\\' && i + 1 < json.length()) {
                out.append(json.charAt(++i));
            } else if (c == '"') {
                break;
            }
        }
        return i;
    }

    /** JSON's white space between tokens. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static void newline(StringBuilder out, String prefix, String indent, int depth) {
        out.append('\n').append(prefix);
        out.append(indent.repeat(Math.max(0, depth)));
    }
}
