package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.session.Assistant;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.CompleteReply;
import io.github.spencerpark.jupyter.messages.reply.InspectReply;
import io.github.spencerpark.jupyter.messages.reply.IsCompleteReply;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.IsCompleteRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * complete_request, inspect_request and is_complete_request, answered by the session's
 * {@link Assistant}. None of them fails: whatever goes wrong, the answer is "nothing to offer"
 * (no matches, nothing found, completeness unknown). The protocol counts cursors in code points,
 * Java strings in UTF-16 units.
 */
final class AssistantHandlers {
    private final Supplier<Assistant> assistant;

    AssistantHandlers(Supplier<Assistant> assistant) {
        this.assistant = assistant;
    }

    void register(ProtocolConnection connection) {
        connection.setHandler(MessageType.COMPLETE_REQUEST, this::answerComplete);
        connection.setHandler(MessageType.INSPECT_REQUEST, this::answerInspect);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::answerIsComplete);
    }

    private void answerComplete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        env.setBusyDeferIdle();
        CompleteRequest request = message.getContent();
        String code = request.getCode() == null ? "" : request.getCode();
        int at = codeUnitIndex(code, request.getCursorPos());
        CompleteReply reply;
        try {
            Assistant.Completion completion = assistant.get().complete(code, at);
            reply = new CompleteReply(completion.matches(), code.codePointCount(0, completion.start()),
                    code.codePointCount(0, completion.end()), Map.of());
        } catch (RuntimeException | StackOverflowError e) {
            int cursor = code.codePointCount(0, at);
            reply = new CompleteReply(List.of(), cursor, cursor, Map.of());
        }
        env.reply(reply);
    }

    private void answerInspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        env.setBusyDeferIdle();
        InspectRequest request = message.getContent();
        String code = request.getCode() == null ? "" : request.getCode();
        Optional<DisplayData> found;
        try {
            found = assistant.get().inspect(code, codeUnitIndex(code, request.getCursorPos())).map(DisplayData::new);
        } catch (RuntimeException | StackOverflowError e) {
            found = Optional.empty();
        }
        env.reply(new InspectReply(found.isPresent(), found.orElse(DisplayData.EMPTY)));
    }

    private void answerIsComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        env.setBusyDeferIdle();
        String code = message.getContent().getCode() == null ? "" : message.getContent().getCode();
        IsCompleteReply reply;
        try {
            reply = switch (assistant.get().completeness(code)) {
                case COMPLETE -> IsCompleteReply.VALID_CODE;
                case INCOMPLETE -> IsCompleteReply.getIncompleteReplyWithIndent("");
                case INVALID -> IsCompleteReply.INVALID_CODE;
            };
        } catch (RuntimeException | StackOverflowError e) {
            reply = IsCompleteReply.UNKNOWN;
        }
        env.reply(reply);
    }

    /** A cursor in code points (the protocol's unit) as an index into the Java string. */
    static int codeUnitIndex(String code, int cursorCodePoints) {
        int points = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(cursorCodePoints, points)));
    }
}
