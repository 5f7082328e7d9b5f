package io.github.dockerlessons.command.stream;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.TerminalText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries a container's stdout and stderr (attach, logs, exec) to the cell as they arrive, each
 * stream through its own UTF-8 decoder. With a TTY the engine sends one raw stream, which is stdout,
 * shown as a terminal would show it. Frames are decoded inside {@link #onNext}, because docker-java
 * reuses a full frame's buffer. It also tells the program's input how the program is doing: whether
 * it has printed anything, and when it last did (a TTY heredoc types each line once it goes quiet).
 */
public final class ContainerOutput extends DrainingFrameCallback {
    private final Console console;
    private final Utf8StreamDecoder out = new Utf8StreamDecoder();
    private final Utf8StreamDecoder err = new Utf8StreamDecoder();
    /** With a TTY, what a terminal would show; null without one. */
    private final TerminalText terminal;
    private final CountDownLatch firstOutput = new CountDownLatch(1);
    private volatile Consumer<byte[]> terminalAnswers = bytes -> { };
    private volatile long lastOutput = System.nanoTime();
    /** When the terminal last answered the program (a cursor report), System.nanoTime; 0 if never. */
    private volatile long lastAnswer;
    /** Without a TTY the engine multiplexes: every chunk must have a stdcopy header. */
    private volatile boolean multiplexed;
    /** The CLI's stdcopy error for a chunk without a valid header, or null. */
    private volatile String malformed;
    /** Whether {@link #malformed} is the engine's own error (a Systemerr frame), not a bad header. */
    private volatile boolean fromDaemon;
    /** stdcopy's Systemerr: the engine's error about the stream itself (logs it could not read). */
    private static final int SYSTEM_ERR = 3;
    /** How much of a Systemerr frame is kept: the words of an error, never an engine's whole answer. */
    private static final int SYSTEM_ERROR_KEPT = 64 * 1024;
    /** What is left to read of a Systemerr frame's payload, or -1 outside one. */
    private long systemErrorLeft = -1;
    private final ByteArrayOutputStream systemError = new ByteArrayOutputStream();

    public ContainerOutput(Console console) {
        this(console, false);
    }

    public ContainerOutput(Console console, boolean tty) {
        this.console = console;
        this.terminal = tty ? new TerminalText(this::replyToTerminal) : null;
    }

    /** Where the terminal's answers (cursor reports) go: the program's stdin. */
    public void answerThrough(Consumer<byte[]> stdin) {
        this.terminalAnswers = stdin;
    }

    private void replyToTerminal(String reply) {
        lastAnswer = System.nanoTime();
        terminalAnswers.accept(reply.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until {@code millis} have passed since the terminal last answered the program, if it did.
     * Busybox's line editor reads a cursor report byte by byte and then up to 15 bytes more, waiting
     * 50 ms for each, before it drops them all as an unknown key: a line typed while it reads the
     * report lost its first 10 bytes (seen once in the suite under load, "echo 안녕" gone).
     */
    public void awaitAnswerRead(long millis) throws InterruptedException {
        long answered = lastAnswer;
        if (answered == 0) {
            return;
        }
        long left = millis * 1_000_000 - (System.nanoTime() - answered);
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** Waits until the program has printed something (its prompt), at most {@code millis}. */
    public void awaitFirstOutput(long millis) throws InterruptedException {
        firstOutput.await(millis, TimeUnit.MILLISECONDS);
    }

    /** The unfinished line a terminal shows now (the prompt of a program waiting for input). */
    public String partialLine() {
        return terminal == null ? "" : terminal.partial();
    }

    /** Shows an unfinished line now. */
    public void showPartialLine() {
        if (terminal != null) {
            String partial = terminal.takePartial();
            if (!partial.isEmpty()) {
                console.out(partial);
            }
        }
    }

    /**
     * The stream is multiplexed (the container has no TTY), as the CLI's stdcopy reads it: a chunk
     * whose header names no stream (docker-java passes it on as raw bytes) ends the stream with the
     * CLI's error, see {@link #malformed}.
     */
    public void expectMultiplexed() {
        multiplexed = true;
    }

    /**
     * The CLI's stdcopy error that ended the stream, or null: "Unrecognized input header: N" for a
     * chunk without a valid header, "error from daemon in stream: ..." for the engine's own error.
     */
    public String malformed() {
        return malformed;
    }

    /** The hint for {@link #malformed}: a stream that is no Docker Engine's, or the engine's own error. */
    public String malformedHint() {
        return fromDaemon ? "hint.engine.stream.daemon" : "hint.engine.stream.header";
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null || payload.length == 0 || malformed != null) {
            return;
        }
        if (systemErrorLeft >= 0) {
            // docker-java passes what follows a header it does not know as raw chunks
            collectSystemError(payload, 0);
            return;
        }
        if (multiplexed && frame.getStreamType() == StreamType.RAW) {
            if ((payload[0] & 0xff) == SYSTEM_ERR && payload.length >= 8) {
                systemErrorLeft = ((payload[4] & 0xffL) << 24) | ((payload[5] & 0xff) << 16)
                        | ((payload[6] & 0xff) << 8) | (payload[7] & 0xff);
                collectSystemError(payload, 8);
                return;
            }
            end("Unrecognized input header: " + (payload[0] & 0xff));
            return;
        }
        if (frame.getStreamType() == StreamType.STDERR) {
            emitErr(err.decode(payload, 0, payload.length));
        } else {
            // stdcopy writes a frame marked stdin to stdout, as it does stdout's
            emitOut(out.decode(payload, 0, payload.length));
        }
    }

    /** stdcopy's Systemerr frame ends the copy with "error from daemon in stream: " and its payload. */
    private void collectSystemError(byte[] payload, int from) {
        int n = (int) Math.min(systemErrorLeft, payload.length - from);
        systemError.write(payload, from, Math.max(0, Math.min(n, SYSTEM_ERROR_KEPT - systemError.size())));
        systemErrorLeft -= n;
        if (systemErrorLeft == 0) {
            fromDaemon = true;
            end("error from daemon in stream: " + systemError.toString(StandardCharsets.UTF_8));
        }
    }

    private void end(String error) {
        malformed = error;
        try {
            close();
        } catch (java.io.IOException ignored) {
            // closing the stream is all that is left to do
        }
    }

    @Override
    protected void drain() {
        emitOut(out.finish());
        emitErr(err.finish());
        showPartialLine();
    }

    /** Waits until no output came for {@code quietMillis}, at most {@code maxMillis}. */
    public void awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
        awaitQuietAfter(Long.MIN_VALUE, quietMillis, maxMillis);
    }

    /**
     * Waits until output came after the moment {@code since} (System.nanoTime) and then stopped for
     * {@code quietMillis}: the program answered what it was sent and shows its next prompt.
     */
    public void awaitQuietAfter(long since, long quietMillis, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (System.nanoTime() < deadline
                && ((since != Long.MIN_VALUE && lastOutput - since <= 0)
                    || System.nanoTime() - lastOutput < quietMillis * 1_000_000)) {
            Thread.sleep(20);
        }
    }

    private void emitOut(String text) {
        if (!text.isEmpty()) {
            firstOutput.countDown();
            lastOutput = System.nanoTime();
        }
        String shown = terminal == null ? text : terminal.feed(text);
        if (!shown.isEmpty()) {
            console.out(shown);
        }
    }

    private void emitErr(String text) {
        if (!text.isEmpty()) {
            console.err(text);
        }
    }
}
