package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.HeartbeatChannel;
import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * The five sockets a connection file names, over one ZMQ context: the library's heartbeat (an echo
 * loop it does well) and the kernel's own shell, control, iopub and stdin channels over the
 * {@link WireCodec}; and the handler of each request type. The library's {@code JupyterConnection}
 * is not used: it makes a ZMQ context (two threads) and five sockets of its own, every one of which
 * the kernel would replace.
 */
final class ProtocolConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final HeartbeatChannel heartbeat;
    private final ShellLoopChannel shellLoop;
    private final ShellLoopChannel controlLoop;
    private final CodecChannels.IOPub iopubChannel;
    private final CodecChannels.Stdin stdinChannel;
    private final WireCodec codec;
    private final FailureReplies failures;
    /** Filled before {@link #connect()} starts the loops that read it. */
    private final Map<MessageType<?>, ShellHandler<?>> handlers = new HashMap<>();
    private volatile boolean connected;
    private volatile boolean closed;

    ProtocolConnection(KernelConnectionProperties properties, FailureReplies failures)
            throws NoSuchAlgorithmException {
        this.properties = properties;
        this.codec = new WireCodec(MessageSigner.forConnection(properties.getSignatureScheme(), properties.getKey()));
        // The channels never sign: every message they read or send goes through the codec, and the
        // heartbeat echoes bytes. So the library's Mac-based signer is never built (see MessageSigner).
        HMACGenerator hmac = HMACGenerator.NO_AUTH_INSTANCE;
        this.failures = failures;
        this.heartbeat = new HeartbeatChannel(context, hmac);
        this.shellLoop = new ShellLoopChannel(context, codec, false, this, hmac, failures);
        this.controlLoop = new ShellLoopChannel(context, codec, true, this, hmac, failures);
        this.iopubChannel = new CodecChannels.IOPub(context, hmac, codec);
        this.stdinChannel = new CodecChannels.Stdin(context, hmac, codec);
    }

    <T> void setHandler(MessageType<T> type, ShellHandler<T> handler) {
        handlers.put(type, handler);
    }

    @SuppressWarnings("unchecked")
    <T> ShellHandler<T> getHandler(MessageType<T> type) {
        return (ShellHandler<T>) handlers.get(type);
    }

    synchronized void connect() {
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

    IOPubChannel iopub() {
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

    CodecChannels.ReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return new CodecChannels.ReplyEnvironment(shell, stdinChannel, iopubChannel, context, failures);
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shellLoop.close();
        controlLoop.close();
        iopubChannel.close();
        stdinChannel.close();
        heartbeat.close();
        context.close();
    }

    void waitUntilClose() {
        shellLoop.waitUntilClose();
        controlLoop.waitUntilClose();
        heartbeat.waitUntilClose();
    }
}
