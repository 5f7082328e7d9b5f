package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.ForwardingConsole;
import io.github.dockerlessons.console.LiveDisplay;
import io.github.dockerlessons.render.Bundle;

/**
 * A console whose output becomes text for the kernel instead of the cell ({@code $(...)} words, a
 * check's probe): stdout, the text form of tables and live views go to {@link #keep}; what is not
 * output (stderr, progress displays) goes on to {@code rest}. Nothing captured asks for input: a
 * prompt would only become text.
 */
abstract class TextCapture extends ForwardingConsole {
    TextCapture(Console rest) {
        super(rest);
    }

    /** Takes the next piece of captured text. */
    abstract void keep(String text);

    @Override
    public void out(String text) {
        keep(text);
    }

    @Override
    public void show(Bundle bundle) {
        keep(bundle.plainText());
    }

    @Override
    public void result(Bundle bundle) {
        keep(bundle.plainText());
    }

    /** A live view becomes its text, as a shell captures what a command prints. */
    @Override
    public LiveDisplay showLive(Bundle bundle) {
        keep(bundle.plainText());
        return null;
    }

    @Override
    public boolean canAsk() {
        return false;
    }
}
