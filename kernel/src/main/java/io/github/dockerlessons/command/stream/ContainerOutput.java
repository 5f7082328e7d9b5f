package io.github.dockerlessons.command.stream;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.TerminalText;

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
public final class ContainerOutput extends ResultCallback.Adapter<Frame> {
    private final Console console;
    private final Utf8StreamDecoder out = new Utf8StreamDecoder();
    private final Utf8StreamDecoder err = new Utf8StreamDecoder();
    /** With a TTY, what a terminal would show; null without one. */
    private final TerminalText terminal;
    private final CountDownLatch firstOutput = new CountDownLatch(1);
    private volatile Consumer<byte[]> terminalAnswers = bytes -> { };
    private volatile long lastOutput = System.nanoTime();
    /** Without a TTY the engine multiplexes: every chunk must have a stdcopy header. */
    private volatile boolean multiplexed;
    /** The CLI's stdcopy error for a chunk without a valid header, or null. */
    private volatile String malformed;

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
        terminalAnswers.accept(reply.getBytes(StandardCharsets.UTF_8));
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

    /** stdcopy's "Unrecognized input header: N" when the engine sent a chunk without a valid header. */
    public String malformed() {
        return malformed;
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null || payload.length == 0 || malformed != null) {
            return;
        }
        if (multiplexed && frame.getStreamType() == StreamType.RAW) {
            malformed = "Unrecognized input header: " + (payload[0] & 0xff);
            try {
                close();
            } catch (java.io.IOException ignored) {
                // closing the stream is all that is left to do
            }
            return;
        }
        if (frame.getStreamType() == StreamType.STDERR) {
            emitErr(err.decode(payload, 0, payload.length));
        } else if (frame.getStreamType() != StreamType.STDIN) {
            emitOut(out.decode(payload, 0, payload.length));
        }
    }

    @Override
    public void onComplete() {
        drain();
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        drain();
        super.onError(throwable);
    }

    private void drain() {
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
