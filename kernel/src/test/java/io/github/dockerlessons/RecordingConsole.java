package io.github.dockerlessons;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;

import java.util.ArrayList;
import java.util.List;

/** A console that keeps what a cell wrote, for tests. */
public final class RecordingConsole implements Console {
    public final StringBuilder out = new StringBuilder();
    public final StringBuilder err = new StringBuilder();
    public final List<Bundle> displays = new ArrayList<>();
    public final List<Bundle> results = new ArrayList<>();

    @Override
    public synchronized void out(String text) {
        out.append(text);
    }

    @Override
    public synchronized void err(String text) {
        err.append(text);
    }

    @Override
    public synchronized void show(Bundle bundle) {
        displays.add(bundle);
    }

    @Override
    public synchronized void result(Bundle bundle) {
        results.add(bundle);
    }
}
