package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * A cell's console on the Jupyter protocol: streams become stream messages at once, displays become
 * display_data, and a command's answer is held back so that the cell's last answer can be its
 * execute_result. Anything written after it flushes it first, so the notebook shows output in the
 * order it happened.
 */
final class JupyterConsole implements Console {
    private final BaseKernel kernel;
    private Bundle pending;

    JupyterConsole(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public synchronized void out(String text) {
        flushPending();
        kernel.getIO().out.print(text);
        kernel.getIO().out.flush();
    }

    @Override
    public synchronized void err(String text) {
        flushPending();
        kernel.getIO().err.print(text);
        kernel.getIO().err.flush();
    }

    @Override
    public synchronized void show(Bundle bundle) {
        flushPending();
        kernel.display(toDisplayData(bundle));
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
            kernel.display(toDisplayData(held));
        }
    }

    /** The cell's execute_result: its last answer, when nothing was written after it. */
    synchronized DisplayData takeResult() {
        Bundle held = pending;
        pending = null;
        return held == null ? null : toDisplayData(held);
    }

    static DisplayData toDisplayData(Bundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        return data;
    }
}
