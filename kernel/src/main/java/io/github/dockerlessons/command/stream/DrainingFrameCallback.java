package io.github.dockerlessons.command.stream;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

/**
 * A frame callback whose UTF-8 decoders may still hold the start of a character or an unfinished
 * line when the stream ends: {@link #drain()} shows it whether the stream completed or failed,
 * before the waiting command is let go.
 */
public abstract class DrainingFrameCallback extends ResultCallback.Adapter<Frame> {
    /** Shows what the decoders still hold. */
    protected abstract void drain();

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
}
