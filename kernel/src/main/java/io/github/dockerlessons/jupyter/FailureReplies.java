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
    private final IntSupplier executionCount;

    FailureReplies(Function<Throwable, List<String>> words, IntSupplier executionCount) {
        this.words = words;
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
}
