package io.github.dockerlessons.command.compose;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerlessons.command.stream.DrainingFrameCallback;
import io.github.dockerlessons.command.stream.Utf8StreamDecoder;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Several containers' output as Compose prints it, each line after its container's name
 * ({@code web-1  | ...}, the names padded to the longest), in one display updated in place: the
 * plain text exactly as Compose writes it to a file, and HTML with each container's prefix in its
 * own colour, in Compose's order of colours. One display rather than a stream per batch: a notebook
 * shows one block that grows like a terminal (no gaps between batches, in JupyterLab, Notebook and
 * nbconvert's handouts alike), colour needs HTML (a stream is plain text), and the handout keeps the
 * final state. It keeps the last lines (a terminal's scrollback), saying how many earlier ones it
 * let go, and updates at most a few times a second.
 */
public final class LogPanel implements AutoCloseable {
    private static final int KEPT_LINES = 2000;
    private static final long UPDATE_MS = 200;
    /** Compose's rainbow: cyan, yellow, green, magenta, blue, then their intense forms. */
    private static final String[] COLOURS = {"rgb(0,150,170)", "rgb(175,135,0)", "rgb(40,150,60)", "rgb(180,60,180)",
            "rgb(50,100,210)", "rgb(0,190,210)", "rgb(210,170,0)", "rgb(60,190,80)", "rgb(215,90,215)",
            "rgb(90,140,240)"};

    private record Line(String name, String text) { }

    private final Console console;
    private final boolean prefix;
    private final IntFunction<String> droppedNote;
    private final Map<String, String> colours = new LinkedHashMap<>();
    private final Deque<Line> lines = new ArrayDeque<>();
    private final ScheduledExecutorService ticker;
    private int width;
    private long dropped;
    private boolean dirty;
    private String displayId;

    /**
     * @param prefix      whether lines carry their container's name ({@code --no-log-prefix} turns it off)
     * @param droppedNote the note for lines let go, in the reader's language
     */
    public LogPanel(Console console, boolean prefix, IntFunction<String> droppedNote) {
        this.console = console;
        this.prefix = prefix;
        this.droppedNote = droppedNote;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "compose-logs");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::flush, UPDATE_MS, UPDATE_MS, TimeUnit.MILLISECONDS);
    }

    /** Gives a container its colour and a place in the width of the names. */
    public synchronized void register(String name) {
        if (!colours.containsKey(name)) {
            colours.put(name, COLOURS[colours.size() % COLOURS.length]);
            width = Math.max(width, name.length() + 1);
        }
    }

    /** A line of Compose's own ("Attaching to web-1", "web-1 exited with code 0"), in the container's colour. */
    public synchronized void status(String name, String message) {
        add(new Line(null, (name == null ? "" : name + " ") + message), name);
    }

    /** The callback for one container's output stream; each has its own decoders. */
    public ResultCallback.Adapter<Frame> follow(String name) {
        register(name);
        return new DrainingFrameCallback() {
            private final Utf8StreamDecoder out = new Utf8StreamDecoder();
            private final Utf8StreamDecoder err = new Utf8StreamDecoder();
            private final StringBuilder outLine = new StringBuilder();
            private final StringBuilder errLine = new StringBuilder();

            @Override
            public void onNext(Frame frame) {
                byte[] payload = frame.getPayload();
                if (payload == null || payload.length == 0 || frame.getStreamType() == StreamType.STDIN) {
                    return;
                }
                if (frame.getStreamType() == StreamType.STDERR) {
                    feed(errLine, err.decode(payload, 0, payload.length));
                } else {
                    feed(outLine, out.decode(payload, 0, payload.length));
                }
            }

            private void feed(StringBuilder partial, String text) {
                partial.append(text);
                int newline;
                while ((newline = partial.indexOf("\n")) >= 0) {
                    String line = partial.substring(0, newline);
                    partial.delete(0, newline + 1);
                    line(name, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                }
            }

            @Override
            protected void drain() {
                feed(outLine, out.finish());
                feed(errLine, err.finish());
                if (outLine.length() > 0) {
                    line(name, outLine.toString());
                    outLine.setLength(0);
                }
                if (errLine.length() > 0) {
                    line(name, errLine.toString());
                    errLine.setLength(0);
                }
            }
        };
    }

    private synchronized void line(String name, String text) {
        add(new Line(name, text), null);
    }

    private void add(Line line, String colourOf) {
        lines.addLast(colourOf == null ? line : new Line("\u0000" + colourOf, line.text()));
        while (lines.size() > KEPT_LINES) {
            lines.removeFirst();
            dropped++;
        }
        dirty = true;
        if (displayId == null) {
            displayId = console.showUpdatable(bundle());
            dirty = false;
        }
    }

    private synchronized void flush() {
        if (dirty && displayId != null) {
            console.update(displayId, bundle());
            dirty = false;
        }
    }

    /** Shows the last lines now; the panel takes no more updates after {@link #close}. */
    public synchronized void finish() {
        if (displayId != null) {
            console.update(displayId, bundle());
            dirty = false;
        }
    }

    /** The text as Compose writes it when its output is not a terminal (for tests and text/plain). */
    public synchronized String text() {
        return bundle().plainText();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        finish();
    }

    private Bundle bundle() {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<pre class=\"compose-logs\" style=\"margin:0;"
                + "font-family:var(--jp-code-font-family,monospace);font-size:13px;white-space:pre-wrap\">");
        if (dropped > 0) {
            String note = droppedNote.apply((int) Math.min(Integer.MAX_VALUE, dropped));
            text.append(note).append('\n');
            html.append("<span style=\"opacity:.6\">").append(Html.escape(note)).append("</span>\n");
        }
        List<Line> snapshot = new ArrayList<>(lines);
        for (Line line : snapshot) {
            if (line.name() == null || line.name().startsWith("\u0000")) {
                String colour = line.name() == null ? null : colours.get(line.name().substring(1));
                text.append(line.text()).append('\n');
                html.append(colour == null ? "" : "<span style=\"color:" + colour + "\">").append(Html.escape(line.text()))
                        .append(colour == null ? "" : "</span>").append('\n');
                continue;
            }
            String shown = prefix ? String.format("%-" + width + "s | ", line.name()) : "";
            text.append(shown).append(line.text()).append('\n');
            if (prefix) {
                html.append("<span style=\"color:").append(colours.get(line.name())).append("\">")
                        .append(Html.escape(shown)).append("</span>");
            }
            html.append(Html.escape(line.text())).append('\n');
        }
        return Bundle.text(text.toString()).with("text/html", html.append("</pre>").toString());
    }
}
