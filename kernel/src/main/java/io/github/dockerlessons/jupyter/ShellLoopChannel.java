package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shell (or control) channel with the loop the library lacks: it blocks in {@code poll} until a
 * request arrives, so a request is handled the moment it comes and an idle kernel does not wake up
 * every 50 ms. A badly signed message, or one that names no msg_id or msg_type, is dropped by the
 * {@link WireCodec} and the loop goes on; a {@link BadRequest} (wrong frames or fields, a type the
 * kernel does not handle) gets its error reply. Every request gets its reply, whatever its handler
 * throws (an Error included); an error that leaves the JVM unsound ends the process, so the
 * frontend sees a dead kernel and offers a restart instead of waiting on a silent one. After a cell fails with stop_on_error,
 * {@link #abortQueued} answers the execute requests that were already waiting as "aborted".
 */
final class ShellLoopChannel extends ShellChannel {
    /** How long a poll blocks before the loop checks whether it should stop. */
    private static final int POLL_MS = 500;
    /** The shell thread's stack: deep enough for any cell the parser accepts, with room to spare. */
    private static final long STACK_BYTES = 16L << 20;
    private static final Logger LOG = Logger.getLogger("DockerKernel.Shell");

    private final boolean isControl;
    private final ProtocolConnection connection;
    private final WireCodec codec;
    private final FailureReplies failures;
    private volatile boolean running;
    private Thread loop;
    private ZMQ.Poller poller;
    /** Requests read off the socket while aborting, and what to do with each. */
    private final List<Message<?>> drained = new ArrayList<>();
    private Predicate<Message<?>> abortFilter;

    ShellLoopChannel(ZMQ.Context context, WireCodec codec, boolean isControl, ProtocolConnection connection,
                     HMACGenerator hmac, FailureReplies failures) {
        // The library's ShellChannel keeps a JupyterConnection for its own loop only, which never runs
        // here (bind starts this class's loop): the kernel's connection is kept in this class.
        super(context, hmac, isControl, null);
        this.codec = codec;
        this.isControl = isControl;
        this.connection = connection;
        this.failures = failures;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        String address = props.getTransport() + "://" + props.getIp() + ":"
                + (isControl ? props.getControlPort() : props.getShellPort());
        super.bind(address);
        poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(null, this::serve, isControl ? "control" : "shell", STACK_BYTES);
        loop.start();
    }

    private void serve() {
        while (running) {
            if (poller.poll(POLL_MS) > 0) {
                Message<?> message = readMessage();
                if (message != null) {
                    dispatch(message);
                    answerDrained();
                }
            }
        }
        poller.close();
    }

    /**
     * After a failed cell with stop_on_error, and before its reply goes out: the execute requests
     * already waiting are answered "aborted" once this request is done; the others run as usual. Only
     * what is queued now is affected, so a cell sent after the failure's reply always runs.
     */
    void abortQueued(Predicate<Message<?>> filter) {
        abortFilter = filter;
        while (poller.poll(0) > 0) {
            Message<?> queued = readMessage();
            if (queued != null) {
                drained.add(queued);
            }
        }
    }

    private void answerDrained() {
        Predicate<Message<?>> filter = abortFilter;
        abortFilter = null;
        if (drained.isEmpty()) {
            return;
        }
        List<Message<?>> waiting = new ArrayList<>(drained);
        drained.clear();
        for (Message<?> queued : waiting) {
            if (filter == null || !filter.test(queued)) {
                dispatch(queued);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message<?> message) {
        MessageType<?> type = message.getHeader().getType();
        if (message.getContent() instanceof BadRequest bad) {
            answerBadRequest(message, bad);
            return;
        }
        ShellHandler handler = connection.getHandler(type);
        if (handler == null) {
            answerBadRequest(message, BadRequest.unknownType(type.getName()));
            return;
        }
        CodecChannels.ReplyEnvironment env = connection.prepareReplyEnv(this, message);
        Throwable failure = null;
        try {
            handler.handle(env, message);
        } catch (Throwable t) {
            failure = t;
            LOG.log(Level.SEVERE, "Handling " + type.getName() + " failed", t);
        }
        try {
            if (failure != null && !env.hasReplied()) {
                failures.reply(env, message, failure);
            }
            env.resolveDeferrals();
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, "Replying to " + type.getName() + " failed", t);
        }
        if (failure != null && FailureReplies.isFatal(failure)) {
            // The reply is out; a JVM that ran out of memory cannot be trusted with the next request.
            KernelLifecycle.haltAfterFatal(failure);
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    /**
     * A request that is not what the protocol says, or that the kernel does not handle: busy, the
     * error reply (for a request), idle, as ipykernel publishes busy and idle around every message.
     */
    private void answerBadRequest(Message<?> message, BadRequest bad) {
        LOG.warning("Answering a message that is not what the protocol says: " + bad);
        CodecChannels.ReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            env.setBusyDeferIdle();
            failures.replyBadRequest(env, bad);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Answering a bad " + bad.msgType() + " failed", e);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Publishing idle after a bad " + bad.msgType() + " failed", e);
            }
        }
    }

    @Override
    public synchronized Message<?> readMessage() {
        return codec.receive(this);
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        codec.send(this, message);
    }

    @Override
    public void close() {
        running = false;
        if (loop != null && Thread.currentThread() != loop) {
            try {
                loop.join(2 * POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        if (loop != null) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
