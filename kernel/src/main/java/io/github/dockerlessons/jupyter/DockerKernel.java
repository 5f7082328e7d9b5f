package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.session.Assistant;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import io.github.dockerlessons.session.Warmup;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.comm.Comm;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.ShutdownReply;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import io.github.dockerlessons.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel as Jupyter sees it, kept thin: cells go to the {@link Session}, completion, inspection
 * and completeness to its {@link Assistant}. It registers the handlers that close the base library's
 * gaps (execute, kernel_info, comm_info, history) on a {@link ProtocolConnection}; it knows the
 * protocol, not docker.
 */
public final class DockerKernel extends BaseKernel {
    private final Session session;
    private final LanguageInfo languageInfo;
    private final String version;
    private static final int WARMUP_ROUNDS = 400;

    private static final String HINT_COLOR = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final HistoryStore history = new HistoryStore();
    private final FailureReplies failures;
    private volatile ExecuteHandler executeHandler;
    private volatile boolean warmupStarted;

    public DockerKernel(Session session, String version) {
        this.session = session;
        this.version = version;
        this.languageInfo = new LanguageInfo.Builder("docker")
                .version(version)
                .mimetype("text/x-sh")
                .fileExtension(".sh")
                .pygments("bash")
                .codemirror("shell")
                .build();
        this.failures = new FailureReplies(this::describeFailure, this::describeBadRequest,
                () -> executeHandler == null ? 0 : executeHandler.executionCount());
    }

    /** How the connection answers a request whose handler failed. */
    FailureReplies failureReplies() {
        return failures;
    }

    /** A failure inside the kernel, in words (and a hint) for the person at the notebook. */
    private List<String> describeFailure(Throwable failure) {
        Messages messages = session.messages();
        String summary;
        String hint;
        if (failure instanceof StackOverflowError) {
            summary = messages.get("error.kernel.too.deep");
            hint = messages.get("hint.kernel.too.deep");
        } else if (FailureReplies.isFatal(failure)) {
            summary = messages.get("error.kernel.fatal");
            hint = messages.get("hint.kernel.fatal");
        } else {
            summary = messages.get("error.kernel.request.failed");
            hint = messages.get("hint.kernel.request.failed");
        }
        return List.of(summary, "", HINT_COLOR + hint + RESET);
    }

    /** A request that is not what the protocol says, in words: which frame or field, and what it must be. */
    private List<String> describeBadRequest(BadRequest bad) {
        Messages messages = session.messages();
        String part = bad.part() == null ? "" : messages.get("request.part." + bad.part().name().toLowerCase(Locale.ROOT));
        String summary = switch (bad.problem()) {
            case NOT_JSON -> messages.get("request.bad.not.json", bad.msgType(), part);
            case TOO_DEEP -> messages.get("request.bad.too.deep", bad.msgType(), part, BoundedJson.MAX_DEPTH);
            case NOT_AN_OBJECT -> messages.get("request.bad.not.object", bad.msgType(), part);
            case NOT_READABLE -> messages.get("request.bad.not.readable", bad.msgType(), part);
            case MISSING -> messages.get("request.bad.missing", bad.msgType(), bad.field(), kind(messages, bad.expected()));
            case WRONG_TYPE -> messages.get("request.bad.type", bad.msgType(), bad.field(),
                    kind(messages, bad.expected()), kind(messages, BadRequest.Kind.valueOf(bad.found())));
            case NOT_ONE_OF -> messages.get("request.bad.choice", bad.msgType(), bad.field(),
                    String.join(", ", bad.choices()), bad.found());
            case UNKNOWN_TYPE -> messages.get("request.unknown", bad.msgType());
        };
        return List.of(summary, "", HINT_COLOR + messages.get("hint.request.bad") + RESET);
    }

    private static String kind(Messages messages, BadRequest.Kind kind) {
        return messages.get("json.kind." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** Takes over the connection's requests: the library's handlers, then the kernel's own. */
    public void serve(ProtocolConnection connection) {
        becomeHandlerForConnection(connection);
        ExecuteHandler.CellRunner runner = new ExecuteHandler.CellRunner() {
            @Override
            public void run(String code, Console console) throws CellError {
                session.run(code, console);
            }

            @Override
            public void run(String code, String cellId, Console console) throws CellError {
                session.run(code, cellId, console);
            }

            @Override
            public Optional<String> page(String code) {
                return session.assistant().pagerHelp(code);
            }
        };
        executeHandler = new ExecuteHandler(runner, connection, history, failures);
        connection.setHandler(MessageType.EXECUTE_REQUEST, executeHandler);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::answerShutdown);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            env.reply(new Replies.KernelInfo(version, languageInfo, getBanner(), getHelpLinks()));
            // The idle goes out right after the reply, before the warm-up's threads take the CPU:
            // jupyter_server opens a notebook's websocket on this reply, and reads the kernel as
            // busy until the idle comes.
            env.resolveDeferrals();
            warmUpOnce(connection);
        });
        connection.setHandler(MessageType.COMM_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            Map<String, Map<String, String>> comms = new LinkedHashMap<>();
            for (Comm comm : getCommManager()) {
                comms.put(comm.getID(), Map.of("target_name", comm.getTargetName()));
            }
            env.reply(new Replies.CommInfo(comms));
        });
        connection.setHandler(MessageType.HISTORY_REQUEST, this::answerHistory);
    }

    /**
     * After the first kernel_info_reply (every client asks for it on connecting, so start-up is not
     * slowed), the cell path and the message encoder are exercised in the background.
     */
    private void warmUpOnce(ProtocolConnection connection) {
        if (warmupStarted) {
            return;
        }
        warmupStarted = true;
        session.prepareEngine();
        Warmup.start(session.registry(), WARMUP_ROUNDS, bundle -> connection.rehearse(new Message<>(null,
                PublishExecuteResult.MESSAGE_TYPE, new PublishExecuteResult(1, JupyterConsole.toDisplayData(bundle)))));
    }

    /**
     * shutdown_request: the reply, then the running cell's foreground containers are removed (or
     * killed), the cell lets go of the engine and the process ends within two seconds, whatever is
     * still running.
     */
    private void answerShutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.reply(restart ? ShutdownReply.SHUTDOWN_AND_RESTART : ShutdownReply.SHUTDOWN);
        env.resolveDeferrals();
        // The deadline starts first: the running cell's foreground containers are removed within it.
        KernelLifecycle.endSoon();
        session.shutdown();
        env.markForShutdown();
    }

    private void answerHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        boolean output = request.includeOutput();
        List<List<Object>> rows = switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength(), output);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.range(range.getSessionIndex(), range.getStart(), range.getStop(), output);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                yield history.search(search.getPattern(), search.getMaxReturnLength(), search.filterUnique(), output);
            }
        };
        env.reply(new Replies.History(rows));
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Docker lesson kernel " + version;
    }

    /** Used by the library only if its own execute handler ran; the kernel's handler calls the session. */
    @Override
    public DisplayData eval(String code) throws Exception {
        Bundle[] last = new Bundle[1];
        session.run(code, new Console() {
            @Override
            public void out(String text) {
                getIO().out.print(text);
            }

            @Override
            public void err(String text) {
                getIO().err.print(text);
            }

            @Override
            public void show(Bundle bundle) {
                display(JupyterConsole.toDisplayData(bundle));
            }

            @Override
            public void result(Bundle bundle) {
                last[0] = bundle;
            }
        });
        return last[0] == null ? null : JupyterConsole.toDisplayData(last[0]);
    }

    /** Completion never fails: whatever goes wrong, the answer is "nothing to offer". */
    @Override
    public ReplacementOptions complete(String code, int cursorCodePoints) {
        code = code == null ? "" : code;
        int at = codeUnitIndex(code, cursorCodePoints);
        try {
            Assistant.Completion completion = session.assistant().complete(code, at);
            // The protocol counts in code points; Java strings in UTF-16 units.
            return new ReplacementOptions(completion.matches(), code.codePointCount(0, completion.start()),
                    code.codePointCount(0, completion.end()));
        } catch (RuntimeException | StackOverflowError e) {
            int cursor = code.codePointCount(0, at);
            return new ReplacementOptions(List.of(), cursor, cursor);
        }
    }

    @Override
    public DisplayData inspect(String code, int cursorCodePoints, boolean extraDetail) {
        code = code == null ? "" : code;
        try {
            return session.assistant().inspect(code, codeUnitIndex(code, cursorCodePoints)).map(DisplayData::new)
                    .orElse(null);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    @Override
    public String isComplete(String code) {
        code = code == null ? "" : code;
        try {
            return switch (session.assistant().completeness(code)) {
                case COMPLETE -> IS_COMPLETE_YES;
                case INCOMPLETE -> "";
                case INVALID -> IS_COMPLETE_BAD;
            };
        } catch (RuntimeException | StackOverflowError e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    /** A cursor in code points (the protocol's unit) as an index into the Java string. */
    private static int codeUnitIndex(String code, int cursorCodePoints) {
        int points = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(cursorCodePoints, points)));
    }

    @Override
    public void interrupt() {
        session.interrupt();
    }

    @Override
    public List<String> formatError(Exception e) {
        return e instanceof CellError error ? ExecuteHandler.traceback(error) : describeFailure(e);
    }
}
