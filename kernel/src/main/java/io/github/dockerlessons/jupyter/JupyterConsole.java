package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;

/**
 * A cell's console on the Jupyter protocol: streams become stream messages at once, displays become
 * display_data, and a command's answer is held back so that the cell's last answer can be its
 * execute_result. Anything written after it flushes it first, so the notebook shows output in the
 * order it happened. A silent request publishes nothing at all.
 */
final class JupyterConsole implements Console {
    private final ShellReplyEnvironment env;
    private final boolean silent;
    private Bundle pending;
    private boolean wroteAnything;

    JupyterConsole(ShellReplyEnvironment env, boolean silent) {
        this.env = env;
        this.silent = silent;
    }

    @Override
    public synchronized void out(String text) {
        stream(PublishStream.StreamType.OUT, text);
    }

    @Override
    public synchronized void err(String text) {
        stream(PublishStream.StreamType.ERR, text);
    }

    private void stream(PublishStream.StreamType type, String text) {
        flushPending();
        if (!silent && !text.isEmpty()) {
            env.publish(new PublishStream(type, text));
            wroteAnything = true;
        }
    }

    @Override
    public synchronized void show(Bundle bundle) {
        flushPending();
        publishDisplay(bundle);
    }

    @Override
    public synchronized void result(Bundle bundle) {
        flushPending();
        pending = bundle;
    }

    /** Shows a held answer as a display: used when the cell fails after it, or something follows it. */
    synchronized void flushPending() {
        if (pending != null) {
            Bundle held = pending;
            pending = null;
            publishDisplay(held);
        }
    }

    /** The cell's execute_result: its last answer, when nothing was written after it. */
    synchronized Bundle takeResult() {
        Bundle held = pending;
        pending = null;
        return held;
    }

    synchronized boolean wroteAnything() {
        return wroteAnything;
    }

    private void publishDisplay(Bundle bundle) {
        if (!silent) {
            env.publish(new PublishDisplayData(toDisplayData(bundle)));
            wroteAnything = true;
        }
    }

    static DisplayData toDisplayData(Bundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        return data;
    }
}
