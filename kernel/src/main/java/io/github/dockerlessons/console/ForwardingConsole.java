package io.github.dockerlessons.console;

import io.github.dockerlessons.render.Bundle;

/** A console that passes everything to another; subclasses change what they need to. */
public class ForwardingConsole implements Console {
    private final Console next;

    public ForwardingConsole(Console next) {
        this.next = next;
    }

    @Override
    public void out(String text) {
        next.out(text);
    }

    @Override
    public void err(String text) {
        next.err(text);
    }

    @Override
    public void show(Bundle bundle) {
        next.show(bundle);
    }

    @Override
    public void result(Bundle bundle) {
        next.result(bundle);
    }

    @Override
    public String showUpdatable(Bundle bundle) {
        return next.showUpdatable(bundle);
    }

    @Override
    public void update(String displayId, Bundle bundle) {
        next.update(displayId, bundle);
    }

    @Override
    public LiveDisplay showLive(Bundle bundle) {
        return next.showLive(bundle);
    }

    @Override
    public boolean canAsk() {
        return next.canAsk();
    }

    @Override
    public String ask(String prompt) {
        return next.ask(prompt);
    }
}
