package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.InputReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The iopub and stdin channels, reading and writing through the kernel's {@link WireCodec}. */
final class CodecChannels {
    private CodecChannels() {
    }

    /**
     * iopub over an XPUB socket of its own (the library's PUB socket stays unbound), so the kernel
     * hears each new subscriber and tells it the kernel's status. A subscriber misses what was
     * published before its subscription reached the kernel; jupyter_server 1.x opens a notebook's
     * websocket without checking its subscription while it sees the kernel busy, and JupyterLab then
     * showed the kernel "Unknown" for good, the busy and idle of its kernel_info having gone out to
     * nobody (1 lesson in 4 on 2 cores). ipykernel's XPUB answers a subscription with JEP 65's
     * iopub_welcome (protocol 5.5); this kernel speaks 5.3, and jupyter_server 1.x and JupyterLab act
     * on a status, so the welcome is a status.
     * Every use of the socket holds this object's lock. A watcher thread waits on the socket's
     * descriptor and takes the lock to read subscriptions; every send reads them too, last of all,
     * since a send may consume the wake-up the watcher waits for.
     */
    static final class IOPub extends IOPubChannel {
        private static final Logger LOG = Logger.getLogger("DockerKernel.IOPub");
        /** How long closing waits for subscribers to take what is queued (ipykernel's iopub waits 1 s). */
        private static final int LINGER_MS = 1000;
        private final WireCodec codec;
        private final ZMQ.Socket xpub;
        private final Selector wakeups;
        private volatile boolean open = true;
        /**
         * Requests between their busy and their idle: shell and control each publish both, so a
         * control request (an interrupt) during a cell must not make the kernel look idle. Starting
         * counts as idle: shell requests are served as soon as their channel is bound.
         */
        private int busyRequests;

        IOPub(ZMQ.Context context, HMACGenerator hmac, WireCodec codec) {
            super(context, hmac);
            this.codec = codec;
            this.xpub = context.socket(SocketType.XPUB);
            // Every subscription reaches the kernel, not only the first one for a topic: every
            // client subscribes to everything.
            xpub.setXpubVerbose(true);
            xpub.setLinger(LINGER_MS);
            WireCodec.limitIncoming(xpub, WireCodec.MAX_SMALL_FRAME_BYTES);
            try {
                this.wakeups = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void bind(KernelConnectionProperties properties) {
            String address = properties.getTransport() + "://" + properties.getIp() + ":" + properties.getIopubPort();
            synchronized (this) {
                xpub.bind(address);
                try {
                    xpub.getFD().register(wakeups, SelectionKey.OP_READ);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            Thread watcher = new Thread(this::watchSubscriptions, "iopub-subscriptions");
            watcher.setDaemon(true);
            watcher.start();
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            if (!open) {
                return;
            }
            try {
                codec.send(xpub, message);
                if (message.getContent() instanceof PublishStatus status) {
                    if (status.getState() == PublishStatus.State.BUSY) {
                        busyRequests++;
                    } else if (status.getState() == PublishStatus.State.IDLE && busyRequests > 0) {
                        busyRequests--;
                    }
                }
            } finally {
                welcomeSubscribers();
            }
        }

        private void watchSubscriptions() {
            try {
                while (open) {
                    wakeups.select();
                    wakeups.selectedKeys().clear();
                    synchronized (this) {
                        if (!open) {
                            return;
                        }
                        // recv takes the socket's pending commands, which quiets the descriptor
                        welcomeSubscribers();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Closing closes the selector under a watcher about to select again: no news.
                // Otherwise, without the watcher a late subscriber still hears the next status.
                if (open) {
                    LOG.log(Level.WARNING, "Watching iopub subscriptions stopped", e);
                }
            }
        }

        /**
         * Reads the subscriptions that arrived and, while any is new, tells every subscriber the
         * status: the welcome's own frames may take in a subscription that its first frame missed.
         */
        private void welcomeSubscribers() {
            while (newSubscription()) {
                PublishStatus status = busyRequests > 0 ? PublishStatus.BUSY : PublishStatus.IDLE;
                codec.send(xpub, new Message<>(null, PublishStatus.MESSAGE_TYPE, status));
            }
        }

        private boolean newSubscription() {
            boolean subscribed = false;
            byte[] frame;
            while ((frame = xpub.recv(ZMQ.DONTWAIT)) != null) {
                subscribed |= frame.length > 0 && frame[0] == 1;
            }
            return subscribed;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (!open) {
                    return;
                }
                open = false;
                xpub.close();
            }
            wakeups.wakeup();
            try {
                wakeups.close();
            } catch (IOException ignored) {
                // nothing is left to wake
            }
            super.close();
        }
    }

    static final class Stdin extends StdinChannel {
        private final WireCodec codec;

        Stdin(ZMQ.Context context, HMACGenerator hmac, WireCodec codec) {
            super(context, hmac);
            this.codec = codec;
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            codec.send(this, message);
        }

        @Override
        public synchronized Message<?> readMessage() {
            return codec.receive(this);
        }

        /** One line from the frontend's input box; null when the frontend answered with something else. */
        @Override
        public synchronized String getInput(MessageContext context, String prompt, boolean password) {
            // An answer to an earlier request that nobody waited for (its cell ended first) is stale.
            while ((getEvents() & ZMQ.Poller.POLLIN) != 0) {
                readMessage();
            }
            sendMessage(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password)));
            // Wait without blocking in recv: the asking thread is interrupted when its program ends,
            // and must not stay behind holding this channel.
            Message<?> reply = null;
            while (reply == null) {
                if ((getEvents() & ZMQ.Poller.POLLIN) != 0) {
                    reply = readMessage();
                    continue;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return null;
                }
            }
            // Another message, or an input_reply whose value is not a string (a BadRequest): no input.
            if (reply.getHeader().getType() != MessageType.INPUT_REPLY || !(reply.getContent() instanceof InputReply input)) {
                return null;
            }
            return input.getValue();
        }
    }

    /**
     * ShellReplyEnvironment's constructor is protected: this is how the connection makes one. It
     * remembers whether the request was answered, so a handler that fails before answering can be
     * answered for.
     */
    static final class ReplyEnvironment extends ShellReplyEnvironment {
        private static final Logger LOG = Logger.getLogger("DockerKernel.Reply");
        private final FailureReplies failures;
        private volatile boolean replied;

        ReplyEnvironment(ShellChannel shell, StdinChannel stdin, IOPubChannel iopub, MessageContext context,
                         FailureReplies failures) {
            super(shell, stdin, iopub, context);
            this.failures = failures;
        }

        /**
         * The library's handlers answer their own failures with the exception's class name and stack
         * (ErrorReply.of): the reply keeps its type and status, in the kernel's words instead.
         */
        @Override
        public void replyError(MessageType<?> type, ErrorReply error) {
            LOG.warning("A library handler failed: " + error.getErrorName() + ": " + error.getErrorMessage());
            super.replyError(type, failures.inWords(new IllegalStateException(error.getErrorMessage())));
        }

        @Override
        public void reply(Message<?> msg) {
            replied = true;
            super.reply(msg);
        }

        boolean hasReplied() {
            return replied;
        }
    }
}
