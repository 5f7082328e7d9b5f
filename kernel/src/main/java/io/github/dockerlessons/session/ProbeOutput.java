package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;

/**
 * The console of a check's probe ({@code exec}, {@code logs}): it shows nothing and keeps, bounded,
 * what a fact needs of the command's output: whether a wanted text went by (searched as the output
 * streams, so a long log is never held whole) and the last {@code keep} characters (a check shows the
 * last line it found). Stderr counts with stdout where {@code withErrors}, in the order they came, as
 * a terminal shows {@code docker logs}.
 */
final class ProbeOutput extends TextCapture {
    private final boolean withErrors;
    private final String wanted;
    private final int keptChars;
    private final StringBuilder tail = new StringBuilder();
    private boolean seen;
    private boolean cut;

    ProbeOutput(boolean withErrors, String wanted, int keep) {
        super(Console.NOWHERE);
        this.withErrors = withErrors;
        this.wanted = wanted;
        this.keptChars = Math.max(keep, wanted.length());
    }

    @Override
    public void err(String text) {
        if (withErrors) {
            keep(text);
        }
    }

    @Override
    synchronized void keep(String text) {
        // A match may begin in what is kept already: search from wanted's length before the new text.
        int from = Math.max(0, tail.length() - wanted.length() + 1);
        tail.append(text);
        if (!seen && !wanted.isEmpty() && tail.indexOf(wanted, from) >= 0) {
            seen = true;
        }
        if (tail.length() > keptChars) {
            tail.delete(0, tail.length() - keptChars);
            cut = true;
        }
    }

    /** Whether the wanted text went by (an empty wanted text never does). */
    synchronized boolean seen() {
        return seen;
    }

    /** Whether more came than is kept; then {@link #text} is the output's tail only. */
    synchronized boolean cut() {
        return cut;
    }

    synchronized String text() {
        return tail.toString();
    }
}
