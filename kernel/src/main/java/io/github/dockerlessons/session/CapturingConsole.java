package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;

/**
 * The console of a {@code $(...)} substitution: stdout (and the text form of any table) is kept to
 * become words of the outer command; stderr still reaches the cell, as in a shell.
 */
final class CapturingConsole implements Console {
    private final Console cell;
    private final StringBuilder captured = new StringBuilder();

    CapturingConsole(Console cell) {
        this.cell = cell;
    }

    @Override
    public synchronized void out(String text) {
        captured.append(text);
    }

    @Override
    public void err(String text) {
        cell.err(text);
    }

    @Override
    public synchronized void show(Bundle bundle) {
        captured.append(bundle.plainText());
    }

    @Override
    public synchronized void result(Bundle bundle) {
        captured.append(bundle.plainText());
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

    synchronized String text() {
        return captured.toString();
    }
}
