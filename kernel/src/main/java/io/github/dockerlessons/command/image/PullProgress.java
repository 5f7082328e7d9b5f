package io.github.dockerlessons.command.image;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import io.github.dockerlessons.console.Console;

import java.util.HashMap;
import java.util.Map;

/**
 * Prints a pull's progress the way the CLI does without a terminal: a line per layer whenever its
 * status changes ("a3ed95caeb02: Pulling fs layer", "... Pull complete"), then "Digest:" and
 * "Status:". An error the engine reports mid-stream is kept for the command to fail with.
 */
public final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {
    private final Console console;
    private final boolean toStderr;
    private final Map<String, String> lastStatus = new HashMap<>();
    private volatile String streamError;

    /** {@code toStderr}: run and create print their pull on stderr, {@code docker pull} on stdout. */
    public PullProgress(Console console, boolean toStderr) {
        this.console = console;
        this.toStderr = toStderr;
    }

    @Override
    public void onNext(PullResponseItem item) {
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
        String line;
        if (id != null && !id.isEmpty()) {
            if (status.equals(lastStatus.put(id, status))) {
                return; // the CLI without a terminal prints a layer's status once per change
            }
            line = id + ": " + status;
        } else {
            line = status;
        }
        if (toStderr) {
            console.err(line + "\n");
        } else {
            console.out(line + "\n");
        }
    }

    /** The error the engine sent in the stream, or null. */
    public String streamError() {
        return streamError;
    }
}
