package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * The library's connection with the kernel's own shell, control, iopub and stdin channels in place
 * of the library's (which stay unbound): the same handlers and reply environments, over the
 * blocking loop and the {@link WireCodec}. The heartbeat stays the library's.
 */
final class ProtocolConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellLoopChannel shellLoop;
    private final ShellLoopChannel controlLoop;
    private final CodecChannels.IOPub iopubChannel;
    private final CodecChannels.Stdin stdinChannel;
    private final WireCodec codec;
    private final FailureReplies failures;
    private volatile boolean connected;
    private volatile boolean closed;

    ProtocolConnection(KernelConnectionProperties properties, FailureReplies failures)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.codec = new WireCodec(hmac);
        this.failures = failures;
        this.shellLoop = new ShellLoopChannel(context, codec, false, this, hmac, failures);
        this.controlLoop = new ShellLoopChannel(context, codec, true, this, hmac, failures);
        this.iopubChannel = new CodecChannels.IOPub(context, hmac, codec);
        this.stdinChannel = new CodecChannels.Stdin(context, hmac, codec);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        WireCodec.limitIncoming(heartbeat, WireCodec.MAX_SMALL_FRAME_BYTES);
        WireCodec.limitIncoming(stdinChannel, WireCodec.MAX_FRAME_BYTES);
        WireCodec.limitIncoming(controlLoop, WireCodec.MAX_FRAME_BYTES);
        WireCodec.limitIncoming(shellLoop, WireCodec.MAX_FRAME_BYTES);
        heartbeat.bind(properties);
        iopubChannel.bind(properties);
        stdinChannel.bind(properties);
        controlLoop.bind(properties);
        shellLoop.bind(properties);
        iopubChannel.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopubChannel;
    }

    /** Encodes a message without sending it: the warm-up's way to have the JIT compile the encoder. */
    void rehearse(Message<?> message) {
        codec.encode(message);
    }

    /** The shell loop, for aborting queued requests after a failed cell. */
    ShellLoopChannel shell() {
        return shellLoop;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return new CodecChannels.ReplyEnvironment(shell, stdinChannel, iopubChannel, context, failures);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shellLoop.close();
        controlLoop.close();
        iopubChannel.close();
        stdinChannel.close();
        context.close();
        super.close(); // the heartbeat and the library's unbound sockets
    }

    @Override
    public void waitUntilClose() {
        shellLoop.waitUntilClose();
        controlLoop.waitUntilClose();
        heartbeat.waitUntilClose();
    }
}
