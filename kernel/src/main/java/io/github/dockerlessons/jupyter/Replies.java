package io.github.dockerlessons.jupyter;

import com.google.gson.annotations.SerializedName;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;

import java.util.List;
import java.util.Map;

/**
 * Reply contents the library's classes lack: every reply here carries its {@code status}, the
 * execute replies carry {@code payload} (the pager) and the aborted form, and history replies are
 * built from the kernel's own store.
 */
final class Replies {
    private Replies() {
    }

    @SuppressWarnings("unchecked")
    private static <T> MessageType<T> type(MessageType<?> type) {
        return (MessageType<T>) type;
    }

    static final class KernelInfo implements ContentType<KernelInfo> {
        final String status = "ok";
        @SerializedName("protocol_version")
        final String protocolVersion = WireCodec.PROTOCOL_VERSION;
        final String implementation = "docker-lesson-kernel";
        @SerializedName("implementation_version")
        final String implementationVersion;
        @SerializedName("language_info")
        final LanguageInfo languageInfo;
        final String banner;
        @SerializedName("help_links")
        final List<LanguageInfo.Help> helpLinks;
        final boolean debugger = false;

        KernelInfo(String version, LanguageInfo languageInfo, String banner, List<LanguageInfo.Help> helpLinks) {
            this.implementationVersion = version;
            this.languageInfo = languageInfo;
            this.banner = banner;
            this.helpLinks = helpLinks;
        }

        @Override
        public MessageType<KernelInfo> getType() {
            return type(MessageType.KERNEL_INFO_REPLY);
        }
    }

    static final class CommInfo implements ContentType<CommInfo> {
        final String status = "ok";
        final Map<String, Map<String, String>> comms;

        CommInfo(Map<String, Map<String, String>> comms) {
            this.comms = comms;
        }

        @Override
        public MessageType<CommInfo> getType() {
            return type(MessageType.COMM_INFO_REPLY);
        }
    }

    /** execute_reply for a cell that ran (ok), failed (error) or was skipped (aborted). */
    static final class Execute implements ContentType<Execute> {
        final String status;
        @SerializedName("execution_count")
        final int executionCount;
        @SerializedName("user_expressions")
        final Map<String, Object> userExpressions;
        final List<Map<String, Object>> payload;
        final String ename;
        final String evalue;
        final List<String> traceback;

        private Execute(String status, int count, List<Map<String, Object>> payload, String ename, String evalue,
                        List<String> traceback) {
            this.status = status;
            this.executionCount = count;
            this.userExpressions = status.equals("ok") ? Map.of() : null;
            this.payload = payload;
            this.ename = ename;
            this.evalue = evalue;
            this.traceback = traceback;
        }

        static Execute ok(int count, List<Map<String, Object>> payload) {
            return new Execute("ok", count, payload, null, null, null);
        }

        static Execute error(int count, String ename, String evalue, List<String> traceback) {
            return new Execute("error", count, null, ename, evalue, traceback);
        }

        static Execute aborted(int count) {
            return new Execute("aborted", count, null, null, null, null);
        }

        @Override
        public MessageType<Execute> getType() {
            return type(MessageType.EXECUTE_REPLY);
        }
    }

    static final class History implements ContentType<History> {
        final String status = "ok";
        final List<List<Object>> history;

        History(List<List<Object>> history) {
            this.history = history;
        }

        @Override
        public MessageType<History> getType() {
            return type(MessageType.HISTORY_REPLY);
        }
    }

    /** interrupt_reply and shutdown_reply with their {@code status} (the library's have none). */
    static final class Interrupt implements ContentType<Interrupt> {
        final String status = "ok";

        @Override
        public MessageType<Interrupt> getType() {
            return type(MessageType.INTERRUPT_REPLY);
        }
    }

    static final class Shutdown implements ContentType<Shutdown> {
        final String status = "ok";
        final boolean restart;

        Shutdown(boolean restart) {
            this.restart = restart;
        }

        @Override
        public MessageType<Shutdown> getType() {
            return type(MessageType.SHUTDOWN_REPLY);
        }
    }

    /**
     * The error reply to a request of a type the kernel does not know ({@code x_request} is answered
     * {@code x_reply}): the library's message types are a closed set, so the reply names its type
     * itself and the {@link WireCodec} writes that name in the header.
     */
    static final class Unsupported {
        final String status = "error";
        final String ename;
        final String evalue;
        final List<String> traceback;
        private final transient String replyType;

        Unsupported(String replyType, String ename, String evalue, List<String> traceback) {
            this.replyType = replyType;
            this.ename = ename;
            this.evalue = evalue;
            this.traceback = traceback;
        }

        String replyType() {
            return replyType;
        }
    }
}
