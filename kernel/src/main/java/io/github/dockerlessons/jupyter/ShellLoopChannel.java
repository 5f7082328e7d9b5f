package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shell (or control) channel with the loop the library lacks: it blocks in {@code poll} until a
 * request arrives, so a request is handled the moment it comes and an idle kernel does not wake
 * up every 50 ms. A malformed or badly signed message is dropped by the {@link WireCodec} and the
 * loop goes on. After a cell fails with stop_on_error, {@link #abortQueued} answers the execute
 * requests already waiting as "aborted" instead of running them.
 */
final class ShellLoopChannel extends ShellChannel {
    /** How long a poll blocks before the loop checks whether it should stop. */
    private static final int POLL_MS = 500;
    private static final Logger LOG = Logger.getLogger("DockerKernel.Shell");

    private final boolean isControl;
    private final JupyterConnection connection;
    private final WireCodec codec;
    private volatile boolean running;
    private Thread loop;
    private Predicate<Message<?>> abortFilter;

    ShellLoopChannel(ZMQ.Context context, WireCodec codec, boolean isControl, JupyterConnection connection,
                     io.github.spencerpark.jupyter.messages.HMACGenerator hmac) {
        super(context, hmac, isControl, connection);
        this.codec = codec;
        this.isControl = isControl;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        String address = props.getTransport() + "://" + props.getIp() + ":"
                + (isControl ? props.getControlPort() : props.getShellPort());
        super.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> {
            while (running) {
                if (poller.poll(POLL_MS) > 0) {
                    Message<?> message = readMessage();
                    if (message != null) {
                        dispatch(message);
                        drainAborted(poller);
                    }
                }
            }
            poller.close();
        }, isControl ? "control" : "shell");
        loop.start();
    }

    /** After this request, answer the queued requests that {@code filter} accepts as aborted. */
    void abortQueued(Predicate<Message<?>> filter) {
        abortFilter = filter;
    }

    private void drainAborted(ZMQ.Poller poller) {
        Predicate<Message<?>> filter = abortFilter;
        abortFilter = null;
        if (filter == null) {
            return;
        }
        while (poller.poll(0) > 0) {
            Message<?> queued = readMessage();
            if (queued == null) {
                continue;
            }
            if (!filter.test(queued)) {
                dispatch(queued);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message<?> message) {
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = connection.getHandler(type);
        if (handler == null) {
            LOG.warning("No handler for " + type.getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Handling " + type.getName() + " failed", e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
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
