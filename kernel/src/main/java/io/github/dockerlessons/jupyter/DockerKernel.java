package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import io.github.dockerlessons.session.Warmup;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.comm.Comm;
import io.github.spencerpark.jupyter.kernel.comm.CommManager;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import io.github.dockerlessons.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kernel as Jupyter sees it, kept thin: cells go to the {@link Session}, completion, inspection
 * and completeness to its assistant ({@link AssistantHandlers}), comms to the library's
 * {@link CommManager} (the kernel opens none; a frontend's comm_open is closed again). It registers a
 * handler for every request the kernel answers on a {@link ProtocolConnection}; it knows the
 * protocol, not docker.
 */
public final class DockerKernel {
    /** Built on another thread once kernel_info is answered, or when another request needs it first. */
    private final PendingSession pendingSession;
    private final LanguageInfo languageInfo;
    private final String version;
    /** C1 compiles a method after about 200 calls, and each warm-up round calls every method of a ps cell. */
    private static final int WARMUP_ROUNDS = 250;

    private static final String HINT_COLOR = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final HistoryStore history = new HistoryStore();
    private final CommManager commManager = new CommManager();
    private final FailureReplies failures;
    private volatile ExecuteHandler executeHandler;
    /** Set once: jupyter_server's nudge may ask kernel_info on shell and control at the same moment. */
    private final AtomicBoolean warmupStarted = new AtomicBoolean();
    /** The execute_request the stop button was last pressed for (see interruptCell). */
    private final AtomicLong stoppedRequest = new AtomicLong();

    DockerKernel(PendingSession session, String version) {
        this.pendingSession = session;
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

    /** The session, once built: every request but kernel_info waits for it. */
    private Session session() {
        try {
            return pendingSession.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the session was being built", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the session could not be built", e.getCause());
        }
    }

    /** Ends the session's work (its foreground containers) if it was built; the kernel is ending. */
    void endSession() {
        if (pendingSession.isDone()) {
            session().shutdown();
        }
    }

    /** The stop button from outside the protocol (SIGINT): the running cell, if any, ends. */
    void interruptCell() {
        // The stop is kept for the request in hand, so a cell that has not yet begun (it waits for
        // the session being built, or is just starting) starts stopped; the next request has another
        // number, so a kept stop never reaches a later cell (the running cell is stopped as Jupyter's
        // stop button stops whatever runs). Kept first, then the running cell is stopped: Session.run
        // makes its cell the running one before it reads the stop, so one of the two sees it. The
        // larger number wins when a SIGINT and an interrupt_request come at once.
        ExecuteHandler handler = executeHandler;
        long request = handler == null ? 0 : handler.requestInHand();
        if (request != 0) {
            stoppedRequest.accumulateAndGet(request, Math::max);
        }
        if (pendingSession.isDone()) {
            session().interrupt();
        }
    }

    /** Runs a cell in the session; it starts stopped if the stop button was pressed for its request. */
    private void runCell(String code, String cellId, Console console) throws CellError {
        long request = executeHandler.requestInHand();
        session().run(code, cellId, console, () -> request != 0 && stoppedRequest.get() == request);
    }

    /** How the connection answers a request whose handler failed. */
    FailureReplies failureReplies() {
        return failures;
    }

    /** A failure inside the kernel, in words (and a hint) for the person at the notebook. */
    private List<String> describeFailure(Throwable failure) {
        Messages messages = session().messages();
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
        Messages messages = session().messages();
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

    /** Takes over the connection's requests. */
    void serve(ProtocolConnection connection) {
        commManager.setIOPubChannel(connection.iopub());
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, commManager::handleCommOpenCommand);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, commManager::handleCommMsgCommand);
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, commManager::handleCommCloseCommand);
        new AssistantHandlers(() -> session().assistant()).register(connection);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            env.defer().reply(new Replies.Interrupt());
            interruptCell();
        });
        ExecuteHandler.CellRunner runner = new ExecuteHandler.CellRunner() {
            @Override
            public void run(String code, Console console) throws CellError {
                runCell(code, null, console);
            }

            @Override
            public void run(String code, String cellId, Console console) throws CellError {
                runCell(code, cellId, console);
            }

            @Override
            public Optional<String> page(String code) {
                return session().assistant().pagerHelp(code);
            }
        };
        executeHandler = new ExecuteHandler(runner, connection, history, failures);
        connection.setHandler(MessageType.EXECUTE_REQUEST, executeHandler);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::answerShutdown);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            env.reply(new Replies.KernelInfo(version, languageInfo, "Docker lesson kernel " + version, null));
            // The idle goes out right after the reply, before the warm-up's threads take the CPU:
            // jupyter_server opens a notebook's websocket on this reply, and reads the kernel as
            // busy until the idle comes.
            env.resolveDeferrals();
            pendingSession.start();
            warmUpOnce(connection);
        });
        connection.setHandler(MessageType.COMM_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            Map<String, Map<String, String>> comms = new LinkedHashMap<>();
            for (Comm comm : commManager) {
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
        if (!warmupStarted.compareAndSet(false, true)) {
            return;
        }
        // Off the shell thread, which must be free to take the first cell (and so to know it is
        // handling one when the stop button comes) while the session is still being built.
        Thread starter = new Thread(() -> {
            Session session = session();
            session.prepareEngine();
            Warmup.start(session.registry(), session.messages().locale(), WARMUP_ROUNDS,
                    () -> executeHandler != null && executeHandler.handling(),
                    bundle -> connection.rehearse(new Message<>(null, PublishExecuteResult.MESSAGE_TYPE,
                            new PublishExecuteResult(1, JupyterConsole.toDisplayData(bundle)))));
        }, "warmup-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * shutdown_request: the reply, then the running cell's foreground containers are removed (or
     * killed), the cell lets go of the engine and the process ends within two seconds, whatever is
     * still running.
     */
    private void answerShutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.reply(new Replies.Shutdown(restart));
        env.resolveDeferrals();
        // The deadline starts first: the running cell's foreground containers are removed within it.
        KernelLifecycle.endSoon();
        endSession();
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
}
