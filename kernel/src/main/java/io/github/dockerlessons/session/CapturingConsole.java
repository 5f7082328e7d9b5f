package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;

/**
 * The console of a {@code $(...)} substitution: stdout (and the text form of any table) is kept to
 * become words of the outer command; stderr still reaches the cell, as in a shell. It keeps at most
 * {@code limit} UTF-8 bytes: beyond that it keeps nothing more and says so, so the substitution
 * fails with an error naming the limit instead of quietly ending short (or exhausting memory).
 * Progress displays (updated in place) still belong to the cell, not to the captured words.
 */
final class CapturingConsole extends TextCapture {
    private final long limit;
    private final StringBuilder captured = new StringBuilder();
    private long bytes;
    private boolean overflowed;

    CapturingConsole(Console cell, long limit) {
        super(cell);
        this.limit = limit;
    }

    @Override
    synchronized void keep(String text) {
        if (overflowed) {
            return;
        }
        long size = OutputBudget.utf8Length(text);
        if (limit > 0 && bytes + size > limit) {
            overflowed = true;
            captured.setLength(0);
            return;
        }
        bytes += size;
        captured.append(text);
    }

    /** Whether more came than the limit allows; then {@link #text} holds nothing. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized String text() {
        return captured.toString();
    }
}
