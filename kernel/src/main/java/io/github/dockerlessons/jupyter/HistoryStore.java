package io.github.dockerlessons.jupyter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Pattern pattern = compile(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = new ArrayList<>();
        for (Entry entry : entries) {
            if (pattern.matcher(entry.input()).matches()) {
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

    /** A glob as a pattern; one whose class is not a valid one ("[z-a]") matches itself, literally. */
    private static Pattern compile(String glob) {
        try {
            return Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(glob), Pattern.DOTALL);
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

    /** fnmatch: * any run, ? one character, [...] a class; everything else literal. */
    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 1);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
