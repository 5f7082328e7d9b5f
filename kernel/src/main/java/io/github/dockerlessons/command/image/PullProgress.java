package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.ThrottledDisplay;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pull's progress as one display that updates in place, as a terminal shows it: the CLI's layer
 * lines ("a3ed95caeb02: Downloading  1.2MB/3.4MB") as text, a progress bar per layer in HTML, and
 * at the end the "Digest:" and "Status:" lines. Updates are limited to ten a second. An error the
 * engine reports mid-stream is kept for the command to fail with.
 */
public final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {
    private static final long UPDATE_MS = 100;

    private record Layer(String status, long current, long total) { }

    private final List<String> before = new ArrayList<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final List<String> after = new ArrayList<>();
    private final ThrottledDisplay display;
    private volatile String streamError;

    public PullProgress(Console console) {
        this.display = new ThrottledDisplay(console, UPDATE_MS, this::bundle);
    }

    @Override
    public synchronized void onNext(PullResponseItem item) {
        if (item.getErrorDetail() != null || item.getError() != null) {
            streamError = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
            return;
        }
        String status = item.getStatus();
        if (status == null) {
            return;
        }
        String id = item.getId();
        if (id != null && !id.isEmpty() && !status.startsWith("Pulling from")) {
            long current = 0;
            long total = 0;
            if (item.getProgressDetail() != null) {
                current = item.getProgressDetail().getCurrent() == null ? 0 : item.getProgressDetail().getCurrent();
                total = item.getProgressDetail().getTotal() == null ? 0 : item.getProgressDetail().getTotal();
            }
            layers.put(id, new Layer(status, current, total));
        } else if (id != null && status.startsWith("Pulling from")) {
            before.add(id + ": " + status);
        } else if (layers.isEmpty() && after.isEmpty() && before.isEmpty()) {
            before.add(status);
        } else {
            after.add(status);
        }
        display.changed();
    }

    /** The last state, shown whatever the throttle held back. */
    public synchronized void finish() {
        display.finish();
    }

    /** The error the engine sent in the stream, or null. */
    public String streamError() {
        return streamError;
    }

    private Bundle bundle() {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"docker-pull\" style=\"font-family:var(--jp-code-font-family,"
                + "monospace);font-size:13px\">");
        for (String line : before) {
            text.append(line).append('\n');
            html.append("<div>").append(Html.escape(line)).append("</div>");
        }
        for (Map.Entry<String, Layer> entry : layers.entrySet()) {
            Layer layer = entry.getValue();
            String progress = layer.total() > 0 ? "  " + GoText.humanSize(layer.current()) + "/"
                    + GoText.humanSize(layer.total()) : "";
            text.append(entry.getKey()).append(": ").append(layer.status()).append(progress).append('\n');
            int percent = layer.status().equals("Pull complete") || layer.status().equals("Already exists")
                    || layer.status().equals("Download complete") ? 100
                    : layer.total() > 0 ? (int) (100 * layer.current() / layer.total()) : 0;
            html.append("<div style=\"display:flex;gap:8px;align-items:center\"><span>")
                    .append(Html.escape(entry.getKey())).append("</span><progress max=\"100\" value=\"")
                    .append(percent).append("\" style=\"width:160px\"></progress><span>")
                    .append(Html.escape(layer.status() + progress)).append("</span></div>");
        }
        for (String line : after) {
            text.append(line).append('\n');
            html.append("<div>").append(Html.escape(line)).append("</div>");
        }
        return Bundle.text(text.toString()).with("text/html", html.append("</div>").toString());
    }
}
