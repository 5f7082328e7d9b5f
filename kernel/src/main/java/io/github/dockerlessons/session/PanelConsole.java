package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;

/** Where a live panel's listing writes: its answer (its table, or its text) is kept, not shown. */
final class PanelConsole implements Console {
    private final StringBuilder text = new StringBuilder();
    private Bundle answer;

    @Override
    public synchronized void out(String chunk) {
        text.append(chunk);
    }

    @Override
    public void err(String chunk) {
        // warnings of the listing itself are not part of the panel
    }

    @Override
    public synchronized void show(Bundle bundle) {
        answer = bundle;
    }

    @Override
    public synchronized void result(Bundle bundle) {
        answer = bundle;
    }

    synchronized Bundle answer() {
        return answer != null ? answer : Bundle.text(text.toString());
    }
}
