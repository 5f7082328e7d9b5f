package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;

/**
 * The console of a {@code $(...)} substitution: stdout (and the text form of any table) is kept to
 * become words of the outer command; stderr still reaches the cell, as in a shell. It keeps at most
 * {@code limit} UTF-8 bytes: beyond that it keeps nothing more and says so, so the substitution
 * fails with an error naming the limit instead of quietly ending short (or exhausting memory).
 */
final class CapturingConsole implements Console {
    private final Console cell;
    private final long limit;
    private final StringBuilder captured = new StringBuilder();
    private long bytes;
    private boolean overflowed;

    CapturingConsole(Console cell, long limit) {
        this.cell = cell;
        this.limit = limit;
    }

    @Override
    public void out(String text) {
        capture(text);
    }

    @Override
    public void err(String text) {
        cell.err(text);
    }

    @Override
    public void show(Bundle bundle) {
        capture(bundle.plainText());
    }

    @Override
    public void result(Bundle bundle) {
        capture(bundle.plainText());
    }

    private synchronized void capture(String text) {
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

    /** Progress displays belong to the cell, not to the captured words. */
    @Override
    public String showUpdatable(Bundle bundle) {
        return cell.showUpdatable(bundle);
    }

    @Override
    public void update(String displayId, Bundle bundle) {
        cell.update(displayId, bundle);
    }

    /** Whether more came than the limit allows; then {@link #text} holds nothing. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized String text() {
        return captured.toString();
    }
}
