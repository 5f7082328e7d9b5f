package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The reply a request gets when its handler failed before answering: the request's own reply type
 * with status "error", in words a person can read (never an exception's class or stack). An execute
 * request also gets its iopub "error", as every failed cell does.
 */
final class FailureReplies {
    /** What to tell the user about a failure: the lines of the error, the first one its summary. */
    private final Function<Throwable, List<String>> words;
    /** What to tell about a request that is not what the protocol says: lines, the first its summary. */
    private final Function<BadRequest, List<String>> badRequestWords;
    private final IntSupplier executionCount;

    /** The ename of the error reply to a request that is not what the protocol says. */
    static final String INVALID_REQUEST = "InvalidRequest";

    FailureReplies(Function<Throwable, List<String>> words, Function<BadRequest, List<String>> badRequestWords,
                   IntSupplier executionCount) {
        this.words = words;
        this.badRequestWords = badRequestWords;
        this.executionCount = executionCount;
    }

    /** Errors after which the JVM cannot be trusted: out of memory, internal errors. */
    static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
    }

    List<String> describe(Throwable failure) {
        return words.apply(failure);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void reply(ShellReplyEnvironment env, Message<?> request, Throwable failure) {
        String name = request.getHeader().getType().getName();
        if (!name.endsWith("_request")) {
            return;
        }
        List<String> lines = describe(failure);
        String summary = lines.isEmpty() ? "" : lines.get(0);
        if (request.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
            env.publish(new PublishError(ExecuteHandler.ERROR_NAME, summary, lines));
            env.reply(Replies.Execute.error(executionCount.getAsInt(), ExecuteHandler.ERROR_NAME, summary, lines));
            return;
        }
        MessageType<?> replyType = MessageType.getType(name.substring(0, name.length() - "_request".length()) + "_reply");
        if (replyType == MessageType.UNKNOWN || replyType.error() == null) {
            return;
        }
        env.reply(new Message(env.getContext(), replyType.error(), new ErrorReply(ExecuteHandler.ERROR_NAME, summary, lines)));
    }

    /**
     * The answer to a request that is not what the protocol says (or of a type the kernel does not
     * know): its reply type with status "error" and, for a cell, its iopub "error". A message that is
     * not a request (comm_msg, input_reply) gets no reply: its busy and idle are its answer.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void replyBadRequest(ShellReplyEnvironment env, BadRequest bad) {
        if (!bad.isRequest()) {
            return;
        }
        List<String> lines = badRequestWords.apply(bad);
        String summary = lines.isEmpty() ? "" : lines.get(0);
        if (bad.msgType().equals(MessageType.EXECUTE_REQUEST.getName())) {
            env.publish(new PublishError(INVALID_REQUEST, summary, lines));
            env.reply(Replies.Execute.error(executionCount.getAsInt(), INVALID_REQUEST, summary, lines));
            return;
        }
        MessageType<?> replyType = MessageType.getType(bad.replyType());
        if (replyType == MessageType.UNKNOWN || replyType.error() == null) {
            env.reply(new Message(env.getContext(), MessageType.UNKNOWN,
                    new Replies.Unsupported(bad.replyType(), INVALID_REQUEST, summary, lines)));
            return;
        }
        env.reply(new Message(env.getContext(), replyType.error(), new ErrorReply(INVALID_REQUEST, summary, lines)));
    }

    /** The answer to a failure the library reported itself (its handlers' own catch blocks). */
    ErrorReply inWords(Throwable failure) {
        List<String> lines = describe(failure);
        return new ErrorReply(ExecuteHandler.ERROR_NAME, lines.isEmpty() ? "" : lines.get(0), lines);
    }
}
