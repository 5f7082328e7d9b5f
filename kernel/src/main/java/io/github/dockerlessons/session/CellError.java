package io.github.dockerlessons.session;

import java.util.List;

/**
 * A cell that failed, ready to show: the lines of its error (the docker CLI's own words, or the
 * kernel's for what the CLI never sees), an optional hint in the reader's language, and the exit
 * status a terminal would have seen.
 */
public final class CellError extends Exception {
    private final int status;
    private final List<String> lines;
    private final String hint;

    public CellError(int status, List<String> lines, String hint) {
        super(lines.isEmpty() ? "" : lines.get(0));
        this.status = status;
        this.lines = List.copyOf(lines);
        this.hint = hint;
    }

    public int status() {
        return status;
    }

    public List<String> lines() {
        return lines;
    }

    /** The explanation after the error, or null. */
    public String hint() {
        return hint;
    }
}
