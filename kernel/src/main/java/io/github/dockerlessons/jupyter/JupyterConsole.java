package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.LiveDisplay;
import io.github.dockerlessons.render.Bundle;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's console on the Jupyter protocol. Stream text is gathered per stream and published at
 * most every {@value #FLUSH_MS} ms (so a container printing fast sends about 20 messages a second,
 * not one per frame), and always before anything else is shown and before the reply. A command's
 * answer is held back so that the cell's last answer can be its execute_result. Displays can be
 * updated in place (update_display_data). A silent request publishes nothing at all.
 */
final class JupyterConsole implements Console {
    static final long FLUSH_MS = 50;
    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stream-flusher");
        thread.setDaemon(true);
        return thread;
    });

    private final ShellReplyEnvironment env;
    private final boolean silent;
    private final boolean stdinAllowed;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private PublishStream.StreamType lastStream;
    private Bundle pending;
    private ScheduledFuture<?> scheduled;

    JupyterConsole(ShellReplyEnvironment env, boolean silent, boolean stdinAllowed) {
        this.env = env;
        this.silent = silent;
        this.stdinAllowed = stdinAllowed;
    }

    @Override
    public synchronized void out(String text) {
        buffer(PublishStream.StreamType.OUT, out, text);
    }

    @Override
    public synchronized void err(String text) {
        buffer(PublishStream.StreamType.ERR, err, text);
    }

    private void buffer(PublishStream.StreamType type, StringBuilder buffer, String text) {
        flushPending();
        if (silent || text.isEmpty()) {
            return;
        }
        // Interleaved stdout and stderr keep their order: switching streams flushes the other one.
        if (lastStream != null && lastStream != type) {
            flushStreams();
        }
        lastStream = type;
        buffer.append(text);
        if (scheduled == null) {
            scheduled = FLUSHER.schedule(this::flushStreams, FLUSH_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes what the streams gathered. */
    synchronized void flushStreams() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        publish(PublishStream.StreamType.OUT, out);
        publish(PublishStream.StreamType.ERR, err);
    }

    private void publish(PublishStream.StreamType type, StringBuilder buffer) {
        if (buffer.length() > 0) {
            env.publish(new PublishStream(type, buffer.toString()));
            buffer.setLength(0);
        }
    }

    @Override
    public synchronized void show(Bundle bundle) {
        flushPending();
        flushStreams();
        publishDisplay(toDisplayData(bundle));
    }

    @Override
    public synchronized String showUpdatable(Bundle bundle) {
        flushPending();
        flushStreams();
        String id = UUID.randomUUID().toString();
        DisplayData data = toDisplayData(bundle);
        data.setDisplayId(id);
        publishDisplay(data);
        return id;
    }

    @Override
    public synchronized void update(String displayId, Bundle bundle) {
        if (silent || displayId == null) {
            return;
        }
        DisplayData data = toDisplayData(bundle);
        data.setDisplayId(displayId);
        env.publish(new PublishUpdateDisplayData(data));
    }

    /** The display, and its updates later, go straight to iopub with this cell's parent header. */
    @Override
    public synchronized LiveDisplay showLive(Bundle bundle) {
        if (silent) {
            return null;
        }
        flushPending();
        flushStreams();
        String id = UUID.randomUUID().toString();
        DisplayData first = toDisplayData(bundle);
        first.setDisplayId(id);
        publishDisplay(first);
        JupyterSocket iopub = env.getIopub();
        MessageContext context = env.getContext();
        return new LiveDisplay() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void update(Bundle next) {
                DisplayData data = toDisplayData(next);
                data.setDisplayId(id);
                iopub.sendMessage(new Message<>(context, PublishUpdateDisplayData.MESSAGE_TYPE,
                        new PublishUpdateDisplayData(data)));
            }
        };
    }

    @Override
    public synchronized void result(Bundle bundle) {
        flushPending();
        flushStreams();
        pending = bundle;
    }

    @Override
    public boolean canAsk() {
        return stdinAllowed && !silent;
    }

    @Override
    public String ask(String prompt) {
        if (!canAsk()) {
            return null;
        }
        synchronized (this) {
            flushStreams();
        }
        String line = env.readFromStdIn(prompt == null ? "" : prompt, false);
        if (line == null) {
            return null;
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    /** Shows a held answer as a display: used when the cell fails after it, or something follows it. */
    synchronized void flushPending() {
        if (pending != null) {
            Bundle held = pending;
            pending = null;
            flushStreams();
            publishDisplay(toDisplayData(held));
        }
    }

    /** Ends the cell's output: gathered streams go out; the last answer is returned as the result. */
    synchronized Bundle finish() {
        flushStreams();
        Bundle held = pending;
        pending = null;
        return held;
    }

    private void publishDisplay(DisplayData data) {
        if (!silent) {
            env.publish(new PublishDisplayData(data));
        }
    }

    static DisplayData toDisplayData(Bundle bundle) {
        DisplayData data = new DisplayData();
        bundle.data().forEach(data::putData);
        return data;
    }
}
