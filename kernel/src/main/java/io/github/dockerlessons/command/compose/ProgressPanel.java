package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.ThrottledDisplay;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;
import io.github.dockerlessons.render.TerminalText;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What Compose shows on a terminal while it works, as one display updated in place: a title line
 * ("[+] Running 3/3") and a line per network, volume and container with its state ("Created",
 * "Started") and how long it took, the finished ones ticked. Text as a terminal shows it; HTML with
 * the tick green and errors red. Updates are limited to ten a second; {@link #finish} shows the
 * last state.
 */
public final class ProgressPanel {
    private static final long UPDATE_MS = 100;

    public enum State { WORKING, DONE, WARNING, ERROR }

    private static final class Line {
        State state;
        String status;
        final long started = System.nanoTime();
        long ended;
    }

    private final String title;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final ThrottledDisplay display;

    public ProgressPanel(Console console, String title) {
        this.display = new ThrottledDisplay(console, UPDATE_MS, this::bundle);
        this.title = title;
    }

    public void working(String id, String status) {
        event(id, State.WORKING, status);
    }

    public void done(String id, String status) {
        event(id, State.DONE, status);
    }

    public void warning(String id, String status) {
        event(id, State.WARNING, status);
    }

    public void error(String id, String status) {
        event(id, State.ERROR, status);
    }

    public synchronized void event(String id, State state, String status) {
        Line line = lines.computeIfAbsent(id, k -> new Line());
        line.state = state;
        line.status = status;
        line.ended = state == State.WORKING ? 0 : System.nanoTime();
        display.changed();
    }

    /** Shows the last state, whatever the throttle held back. */
    public synchronized void finish() {
        display.finish();
    }

    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    private Bundle bundle() {
        long done = lines.values().stream().filter(l -> l.state != State.WORKING).count();
        String head = "[+] " + title + " " + done + "/" + lines.size();
        int width = 0;
        for (String id : lines.keySet()) {
            width = Math.max(width, id.length() + 1);
        }
        StringBuilder text = new StringBuilder(head).append('\n');
        StringBuilder html = new StringBuilder("<div class=\"compose-progress\" style=\"font-family:"
                + "var(--jp-code-font-family,monospace);font-size:13px;white-space:pre\"><div style=\"font-weight:600"
                + (done == lines.size() ? ";color:rgb(46,160,67)" : "") + "\">").append(Html.escape(head)).append("</div>");
        for (Map.Entry<String, Line> entry : lines.entrySet()) {
            Line line = entry.getValue();
            String mark = switch (line.state) {
                case WORKING -> "⠿";
                case DONE -> "✔";
                case WARNING -> "!";
                case ERROR -> "✘";
            };
            String timer = String.format(Locale.ROOT, "%.1fs ",
                    ((line.ended == 0 ? System.nanoTime() : line.ended) - line.started) / 1e9);
            String left = " " + mark + " " + entry.getKey() + " ".repeat(width - entry.getKey().length()) + " "
                    + line.status;
            int pad = Math.max(1, TerminalText.COLUMNS - left.length() - timer.length());
            text.append(left).append(" ".repeat(pad)).append(timer.stripTrailing()).append('\n');
            String colour = switch (line.state) {
                case WORKING -> "inherit";
                case DONE -> "rgb(46,160,67)";
                case WARNING -> "rgb(210,153,34)";
                case ERROR -> "rgb(218,54,51)";
            };
            html.append("<div> <span style=\"color:").append(colour).append("\">").append(mark).append("</span> ")
                    .append(Html.escape(entry.getKey() + " ".repeat(width - entry.getKey().length())))
                    .append(" <span style=\"color:").append(colour).append("\">").append(Html.escape(line.status))
                    .append("</span> <span style=\"opacity:.6\">").append(timer.strip()).append("</span></div>");
        }
        return Bundle.text(text.toString()).with("text/html", html.append("</div>").toString());
    }
}
