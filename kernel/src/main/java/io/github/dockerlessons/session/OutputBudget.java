package io.github.dockerlessons.session;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.GoText;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps a cell's stream output within a budget (about 1 MiB by default): the first half passes at
 * once, then only the latest half is kept, and at the end a line says how much was left out and
 * how to see all of it, followed by that tail. Whatever a container prints, the kernel holds at most
 * the budget in memory.
 */
final class OutputBudget implements Console {
    static final long DEFAULT_LIMIT = 1 << 20;

    private record Segment(boolean err, String text) { }

    private final Console cell;
    private final Messages messages;
    private final long headLimit;
    private final long tailLimit;
    private long passed;
    private final Deque<Segment> tail = new ArrayDeque<>();
    private long tailSize;
    private long droppedChars;
    private long droppedLines;

    OutputBudget(Console cell, Messages messages, long limit) {
        this.cell = cell;
        this.messages = messages;
        this.headLimit = limit <= 0 ? Long.MAX_VALUE : limit / 2;
        this.tailLimit = limit <= 0 ? 0 : limit - limit / 2;
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
        if (passed < headLimit) {
            int room = (int) Math.min(text.length(), headLimit - passed);
            String head = text.substring(0, room);
            passed += room;
            write(err, head);
            text = text.substring(room);
            if (text.isEmpty()) {
                return;
            }
        }
        tail.addLast(new Segment(err, text));
        tailSize += text.length();
        while (tailSize > tailLimit && !tail.isEmpty()) {
            Segment first = tail.peekFirst();
            long excess = tailSize - tailLimit;
            if (first.text().length() <= excess) {
                tail.removeFirst();
                tailSize -= first.text().length();
                account(first.text());
            } else {
                int cut = (int) excess;
                account(first.text().substring(0, cut));
                tail.removeFirst();
                tail.addFirst(new Segment(first.err(), first.text().substring(cut)));
                tailSize -= cut;
            }
        }
    }

    private void account(String dropped) {
        droppedChars += dropped.length();
        for (int i = 0; i < dropped.length(); i++) {
            if (dropped.charAt(i) == '\n') {
                droppedLines++;
            }
        }
    }

    private void write(boolean err, String text) {
        if (err) {
            cell.err(text);
        } else {
            cell.out(text);
        }
    }

    /** The end of the cell: the notice of what was left out, then the kept tail. */
    synchronized void finish() {
        if (droppedChars > 0) {
            cell.err("\n" + messages.get("output.truncated", GoText.humanSize(droppedChars), droppedLines) + "\n");
        }
        for (Segment segment : tail) {
            write(segment.err(), segment.text());
        }
        tail.clear();
        tailSize = 0;
    }

    @Override
    public void show(Bundle bundle) {
        cell.show(bundle);
    }

    @Override
    public void result(Bundle bundle) {
        cell.result(bundle);
    }

    @Override
    public String showUpdatable(Bundle bundle) {
        return cell.showUpdatable(bundle);
    }

    @Override
    public void update(String displayId, Bundle bundle) {
        cell.update(displayId, bundle);
    }

    @Override
    public boolean canAsk() {
        return cell.canAsk();
    }

    @Override
    public String ask(String prompt) {
        return cell.ask(prompt);
    }

    /** "1048576", "512K", "10M", "1G"; 0 or "none" for no limit. */
    static long parseLimit(String text) {
        String t = text.strip().toUpperCase();
        if (t.equals("NONE") || t.equals("0")) {
            return 0;
        }
        long factor = 1;
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> factor = 1L << 10;
            case 'M' -> factor = 1L << 20;
            case 'G' -> factor = 1L << 30;
            default -> factor = 1;
        }
        if (factor > 1) {
            t = t.substring(0, t.length() - 1);
        }
        return (long) (Double.parseDouble(t) * factor);
    }
}
