package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.InputReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

/** The iopub and stdin channels, reading and writing through the kernel's {@link WireCodec}. */
final class CodecChannels {
    private CodecChannels() {
    }

    static final class IOPub extends IOPubChannel {
        private final WireCodec codec;

        IOPub(ZMQ.Context context, HMACGenerator hmac, WireCodec codec) {
            super(context, hmac);
            this.codec = codec;
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            if (!closed) {
                codec.send(this, message);
            }
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
            if (reply.getHeader().getType() != MessageType.INPUT_REPLY) {
                return null;
            }
            return ((InputReply) reply.getContent()).getValue();
        }
    }

    /**
     * ShellReplyEnvironment's constructor is protected: this is how the connection makes one. It
     * remembers whether the request was answered, so a handler that fails before answering can be
     * answered for.
     */
    static final class ReplyEnvironment extends ShellReplyEnvironment {
        private volatile boolean replied;

        ReplyEnvironment(ShellChannel shell, StdinChannel stdin, IOPubChannel iopub, MessageContext context) {
            super(shell, stdin, iopub, context);
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
