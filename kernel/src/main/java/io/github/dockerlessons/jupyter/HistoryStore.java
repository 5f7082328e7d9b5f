package io.github.dockerlessons.jupyter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cells run in this kernel session, for history requests: tail, range and search (glob
 * patterns as IPython's, with unique and n), with outputs when asked. Session number 1 is this
 * session; 0 and negative numbers also mean it, as IPython's relative numbers do.
 */
final class HistoryStore {
    static final int SESSION = 1;

    /**
     * The characters of inputs and outputs kept: the oldest cells are forgotten beyond it, so that a
     * long session's memory does not grow with every cell (issue 19: IPython keeps its history on disk,
     * this kernel in its heap).
     */
    static final long MAX_CHARS = 2L * 1024 * 1024;
    /** An output longer than this is not kept (its input still is): one table must not push out the rest. */
    static final int MAX_OUTPUT_CHARS = 64 * 1024;

    private record Entry(int line, String input, String output) {
        long chars() {
            return input.length() + (output == null ? 0 : output.length());
        }
    }

    private final java.util.ArrayDeque<Entry> entries = new java.util.ArrayDeque<>();
    private long chars;

    synchronized void add(int line, String input, String output) {
        Entry entry = new Entry(line, input == null ? "" : input,
                output != null && output.length() > MAX_OUTPUT_CHARS ? null : output);
        entries.addLast(entry);
        chars += entry.chars();
        while (chars > MAX_CHARS && entries.size() > 1) {
            chars -= entries.removeFirst().chars();
        }
    }

    synchronized List<List<Object>> tail(int n, boolean withOutput) {
        List<Entry> all = new ArrayList<>(entries);
        int from = n <= 0 ? 0 : Math.max(0, all.size() - n);
        return rows(all.subList(from, all.size()), withOutput);
    }

    synchronized List<List<Object>> range(int session, int start, int stop, boolean withOutput) {
        if (session > 0 && session != SESSION) {
            return List.of();
        }
        List<Entry> chosen = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.line() >= start && (stop <= 0 || entry.line() < stop)) {
                chosen.add(entry);
            }
        }
        return rows(chosen, withOutput);
    }

    synchronized List<List<Object>> search(String glob, int n, boolean unique, boolean withOutput) {
        Glob pattern = compile(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = new ArrayList<>();
        for (Entry entry : entries) {
            if (pattern.matches(entry.input())) {
                matches.add(entry);
            }
        }
        if (unique) {
            Map<String, Entry> last = new LinkedHashMap<>();
            for (Entry entry : matches) {
                last.remove(entry.input());
                last.put(entry.input(), entry);
            }
            matches = new ArrayList<>(last.values());
        }
        if (n > 0 && matches.size() > n) {
            matches = matches.subList(matches.size() - n, matches.size());
        }
        return rows(matches, withOutput);
    }

    /**
     * A glob as a matcher; one whose class is not a valid one ("[z-a]") matches itself, literally.
     * Matched as fnmatch matches, without a regular expression over the whole: a pattern of many
     * stars ("*" 50,000 times, then "x") made Java's backtracking take minutes on the shell's thread.
     */
    private static Glob compile(String glob) {
        try {
            return Glob.of(glob);
        } catch (PatternSyntaxException e) {
            return text -> text.equals(glob);
        }
    }

    private static List<List<Object>> rows(List<Entry> chosen, boolean withOutput) {
        List<List<Object>> rows = new ArrayList<>();
        for (Entry entry : chosen) {
            List<Object> row = new ArrayList<>();
            row.add(SESSION);
            row.add(entry.line());
            if (withOutput) {
                List<Object> pair = new ArrayList<>();
                pair.add(entry.input());
                pair.add(entry.output());
                row.add(pair);
            } else {
                row.add(entry.input());
            }
            rows.add(row);
        }
        return rows;
    }

    /** A compiled glob: whether a whole text matches it. */
    @FunctionalInterface
    interface Glob {
        boolean matches(String text);

        /**
         * fnmatch: * any run, ? one code point, [...] a class ([!...] its complement), the rest
         * literal. Matched with one star to go back to (the last one passed), so a text of n code
         * points and a pattern of m take at most n times m steps, never exponentially many.
         */
        static Glob of(String glob) {
            List<IntPredicate> steps = new ArrayList<>(); // null for a star
            for (int i = 0; i < glob.length(); ) {
                int c = glob.codePointAt(i);
                int next = i + Character.charCount(c);
                int close = c == '[' ? glob.indexOf(']', next) : -1;
                if (c == '*') {
                    if (steps.isEmpty() || steps.get(steps.size() - 1) != null) {
                        steps.add(null);
                    }
                } else if (c == '?') {
                    steps.add(point -> true);
                } else if (close >= 0) {
                    String set = glob.substring(next, close);
                    Pattern one = Pattern.compile("[" + (set.startsWith("!") ? "^" + set.substring(1) : set) + "]",
                            Pattern.DOTALL);
                    steps.add(point -> one.matcher(Character.toString(point)).matches());
                    next = close + 1;
                } else {
                    steps.add(point -> point == c);
                }
                i = next;
            }
            return text -> matches(steps, text.codePoints().toArray());
        }

        private static boolean matches(List<IntPredicate> steps, int[] text) {
            int step = 0;
            int at = 0;
            int star = -1;
            int starAt = 0;
            while (at < text.length) {
                if (step < steps.size() && steps.get(step) != null && steps.get(step).test(text[at])) {
                    step++;
                    at++;
                } else if (step < steps.size() && steps.get(step) == null) {
                    star = step++;
                    starAt = at;
                } else if (star >= 0) {
                    step = star + 1;
                    at = ++starAt;
                } else {
                    return false;
                }
            }
            while (step < steps.size() && steps.get(step) == null) {
                step++;
            }
            return step == steps.size();
        }
    }
}
