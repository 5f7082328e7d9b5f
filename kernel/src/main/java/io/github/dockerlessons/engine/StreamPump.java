package io.github.dockerlessons.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.github.dockerlessons.console.Console;

/**
 * Carries a container's stdout and stderr frames (attach, logs, exec) to the cell as they arrive,
 * each stream through its own UTF-8 decoder. With a TTY the engine sends one raw stream, which is
 * stdout. Frames are decoded inside {@link #onNext}, because docker-java reuses a full frame's buffer.
 */
public final class StreamPump extends ResultCallback.Adapter<Frame> {
    private final Console console;
    private final Utf8StreamDecoder out = new Utf8StreamDecoder();
    private final Utf8StreamDecoder err = new Utf8StreamDecoder();

    public StreamPump(Console console) {
        this.console = console;
    }

    @Override
    public void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        if (payload == null || payload.length == 0) {
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
    }

    private void emitOut(String text) {
        if (!text.isEmpty()) {
            console.out(text);
        }
    }

    private void emitErr(String text) {
        if (!text.isEmpty()) {
            console.err(text);
        }
    }
}
