package io.github.dockerlessons.golang;

import java.util.ArrayList;
import java.util.List;

/** Go's path rules that docker's build context follows on a Unix client: filepath.Clean and Match's syntax. */
public final class GoFilepath {
    private GoFilepath() {
    }

    /** filepath.Clean: one slash between names, no "." names, ".." resolved lexically, "." for nothing. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(part);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /**
     * Whether filepath.Match(pattern, ".") returns no error: Go checks the whole pattern's syntax
     * (an unclosed or empty [class], a range with no end, a trailing backslash) even when the name
     * does not match.
     */
    public static boolean isValidPattern(String pattern) {
        String rest = pattern;
        while (!rest.isEmpty()) {
            int i = 0;
            while (i < rest.length() && rest.charAt(i) == '*') {
                i++;
            }
            rest = rest.substring(i);
            int end = chunkEnd(rest);
            if (!chunkIsValid(rest.substring(0, end))) {
                return false;
            }
            rest = rest.substring(end);
        }
        return true;
    }

    /** scanChunk: up to the next star outside a [class]; a backslash takes the next character along. */
    private static int chunkEnd(String pattern) {
        boolean inRange = false;
        int i;
        for (i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 < pattern.length()) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /** matchChunk's syntax checks, with no name left to match (as Go goes on once a match failed). */
    private static boolean chunkIsValid(String chunk) {
        int i = 0;
        while (i < chunk.length()) {
            char c = chunk.charAt(i);
            if (c == '[') {
                i++;
                if (i < chunk.length() && chunk.charAt(i) == '^') {
                    i++;
                }
                int ranges = 0;
                while (true) {
                    if (i < chunk.length() && chunk.charAt(i) == ']' && ranges > 0) {
                        i++;
                        break;
                    }
                    i = escapedEnd(chunk, i);
                    if (i < 0) {
                        return false;
                    }
                    if (chunk.charAt(i) == '-') {
                        i = escapedEnd(chunk, i + 1);
                        if (i < 0) {
                            return false;
                        }
                    }
                    ranges++;
                }
            } else if (c == '\\') {
                i++;
                if (i >= chunk.length()) {
                    return false;
                }
                i++;
            } else {
                i++;
            }
        }
        return true;
    }

    /**
     * getEsc: one class character at {@code i} (a backslash escapes the next), returning where the
     * chunk goes on, or -1 for Go's ErrBadPattern (nothing, '-' or ']' there, or nothing after it).
     */
    private static int escapedEnd(String chunk, int i) {
        if (i >= chunk.length() || chunk.charAt(i) == '-' || chunk.charAt(i) == ']') {
            return -1;
        }
        if (chunk.charAt(i) == '\\') {
            i++;
            if (i >= chunk.length()) {
                return -1;
            }
        }
        i += Character.charCount(chunk.codePointAt(i));
        return i >= chunk.length() ? -1 : i;
    }
}
