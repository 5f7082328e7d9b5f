package io.github.dockerlessons.session;

import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.console.ForwardingConsole;
import io.github.dockerlessons.golang.GoText;
import io.github.dockerlessons.golang.Units;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a cell's stream output within a budget of UTF-8 bytes (1 MiB by default), never cutting
 * inside a character: the first half passes at once; past it, only the latest half is kept. While
 * output keeps coming past the first half (a {@code logs -f}, a flood), one display, updated in place
 * a few times a second, shows the latest lines and how much was left out so far (half a second after
 * output was first held back, so a follower's new lines keep showing); at the end a line
 * says how much was left out and how to see all of it, followed by the kept tail. Whatever a container
 * prints, the kernel holds at most the budget in memory. The limit can change while the cell runs
 * ({@code %output_limit} in the same cell).
 */
final class OutputBudget extends ForwardingConsole {
    static final long DEFAULT_LIMIT = 1 << 20;
    /** How often the display of the latest lines may change: a few updates a second. */
    private static final long LIVE_UPDATE_NANOS = 250_000_000L;
    /** How many of the latest lines that display shows. */
    private static final int LIVE_LINES = 20;
    /** And at most this many characters: output without newlines must not make each redraw the whole tail. */
    private static final int LIVE_CHARS = 8 * 1024;
    /** A flood that is over within this long needs no running view: the end shows the tail. */
    private static final long LIVE_DELAY_MS = 500;
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "output-budget");
        thread.setDaemon(true);
        return thread;
    });

    private record Segment(boolean err, String text, long bytes) { }

    private final Console cell;
    private final Messages messages;
    private long headLimit;
    private long tailLimit;
    private long passed;
    private final Deque<Segment> tail = new ArrayDeque<>();
    private long tailBytes;
    private long droppedBytes;
    private long droppedLines;
    private String liveDisplay;
    private long lastLiveUpdate;
    private boolean liveDue;
    /** The tail changed since the running view last showed it. */
    private boolean dirty;
    private boolean finished;

    OutputBudget(Console cell, Messages messages, long limit) {
        super(cell);
        this.cell = cell;
        this.messages = messages;
        setLimit(limit);
    }

    /** A new limit for the rest of the cell; 0 means none. */
    synchronized void setLimit(long limit) {
        this.headLimit = limit <= 0 ? Long.MAX_VALUE : limit / 2;
        this.tailLimit = limit <= 0 ? Long.MAX_VALUE : limit - limit / 2;
    }

    @Override
    public void out(String text) {
        stream(false, text);
    }

    @Override
    public void err(String text) {
        stream(true, text);
    }

    private synchronized void stream(boolean err, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (passed < headLimit && tail.isEmpty()) {
            int cut = prefixWithin(text, headLimit - passed);
            String head = text.substring(0, cut);
            passed += utf8Length(head);
            write(err, head);
            text = text.substring(cut);
            if (text.isEmpty()) {
                return;
            }
        }
        long bytes = utf8Length(text);
        tail.addLast(new Segment(err, text, bytes));
        tailBytes += bytes;
        while (tailBytes > tailLimit && !tail.isEmpty()) {
            Segment first = tail.removeFirst();
            long excess = tailBytes - tailLimit;
            if (first.bytes() <= excess) {
                tailBytes -= first.bytes();
                account(first.text(), first.bytes());
            } else {
                int cut = prefixWithin(first.text(), excess);
                // Drop at least the characters that reach past the limit, whole.
                while (cut < first.text().length() && utf8Length(first.text().substring(0, cut)) < excess) {
                    cut += Character.charCount(first.text().codePointAt(cut));
                }
                String dropped = first.text().substring(0, cut);
                String kept = first.text().substring(cut);
                long droppedSize = utf8Length(dropped);
                account(dropped, droppedSize);
                tailBytes -= droppedSize;
                tail.addFirst(new Segment(first.err(), kept, first.bytes() - droppedSize));
            }
        }
        dirty = true;
        // Held back, not yet left out: a follower (logs -f) past half the budget must still show what is new.
        if (!tail.isEmpty()) {
            if (!liveDue) {
                liveDue = true;
                TICKS.schedule(this::tick, LIVE_DELAY_MS, TimeUnit.MILLISECONDS);
            } else if (liveDisplay != null) {
                showLatest();
            }
        }
    }

    /** Still running half a second after output was first held back: show the running view, and keep it fresh. */
    private synchronized void tick() {
        if (finished) {
            return;
        }
        lastLiveUpdate = 0;
        showLatest();
        TICKS.schedule(this::tick, LIVE_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void account(String dropped, long bytes) {
        droppedBytes += bytes;
        for (int i = 0; i < dropped.length(); i++) {
            if (dropped.charAt(i) == '\n') {
                droppedLines++;
            }
        }
    }

    /** The display of the latest lines, updated at most a few times a second. */
    private void showLatest() {
        long now = System.nanoTime();
        if (!dirty || (lastLiveUpdate != 0 && now - lastLiveUpdate < LIVE_UPDATE_NANOS)) {
            return;
        }
        lastLiveUpdate = now;
        dirty = false;
        String note = droppedBytes > 0
                ? messages.get("output.running.note", GoText.humanSize(droppedBytes), droppedLines)
                : messages.get("output.running.held");
        Bundle latest = Bundle.text(note + "\n" + latestLines());
        if (liveDisplay == null) {
            liveDisplay = cell.showUpdatable(latest);
        } else {
            cell.update(liveDisplay, latest);
        }
    }

    private String latestLines() {
        StringBuilder all = new StringBuilder();
        for (Segment segment : tail) {
            all.append(segment.text());
        }
        int end = all.length();
        int start = end;
        int lines = 0;
        while (start > 0 && end - start < LIVE_CHARS) {
            if (all.charAt(start - 1) == '\n' && start != end && ++lines >= LIVE_LINES) {
                break;
            }
            start--;
        }
        if (start > 0 && start < end && Character.isLowSurrogate(all.charAt(start))) {
            start++; // never half a character
        }
        return all.substring(start);
    }

    private void write(boolean err, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (err) {
            cell.err(text);
        } else {
            cell.out(text);
        }
    }

    /** The end of the cell: the notice of what was left out, then the kept tail. */
    synchronized void finish() {
        finished = true;
        if (liveDisplay != null) {
            // The running view has done its work: the kept tail follows as the cell's output.
            cell.update(liveDisplay, Bundle.text(""));
            liveDisplay = null;
        }
        if (droppedBytes > 0) {
            cell.err("\n" + messages.get("output.truncated", GoText.humanSize(droppedBytes), droppedLines) + "\n");
        }
        for (Segment segment : tail) {
            write(segment.err(), segment.text());
        }
        tail.clear();
        tailBytes = 0;
    }

    /** The UTF-8 length of a string, counted without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The longest prefix (in chars, ending between characters) whose UTF-8 length is at most {@code budget}. */
    static int prefixWithin(String text, long budget) {
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Sizes as {@code %output_limit} takes them ("512K", "10M"), read as docker reads sizes. */
    static long parseLimit(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("none") || t.equals("0")) {
            return 0;
        }
        try {
            return Units.ramInBytes(t);
        } catch (FlagType.InvalidValue e) {
            throw new NumberFormatException(e.getMessage());
        }
    }
}
