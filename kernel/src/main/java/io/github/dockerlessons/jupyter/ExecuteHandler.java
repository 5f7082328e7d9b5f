package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.session.CellError;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * execute_request as the protocol describes it, which the library's handler does not: a silent
 * request publishes nothing and does not count; {@code store_history: false} keeps the cell out of
 * history and does not count; after a failure with {@code stop_on_error} the execute requests
 * already queued (and only those) are answered "aborted" without running; a cell that is only
 * {@code docker CMD?} answers with its help in the pager payload, as IPython does for {@code name?}.
 * Whatever the cell throws, it gets its reply.
 */
final class ExecuteHandler implements ShellHandler<ExecuteRequest> {
    /** The ename of every error a cell reports. */
    static final String ERROR_NAME = "DockerError";

    /** Runs a cell's code against a console (the session, seen from the protocol edge). */
    interface CellRunner {
        void run(String code, Console console) throws CellError;

        /**
         * The same, knowing the cell's nbformat id, which JupyterLab and Notebook 7 send in the request's
         * metadata ({@code cellId}); Notebook 6 and nbclient send none (null).
         */
        default void run(String code, String cellId, Console console) throws CellError {
            run(code, console);
        }

        /** The pager text for a cell such as {@code docker run?}, if it is one. */
        Optional<String> page(String code);
    }

    private static final String HINT_COLOR = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    /** The number of the request being handled now, 0 when none: the background warm-up waits while one is. */
    private volatile long requestInHand;
    private final AtomicLong requests = new AtomicLong();
    private final CellRunner runner;
    private final ProtocolConnection connection;
    private final HistoryStore history;
    private final FailureReplies failures;
    private final AtomicInteger executionCount = new AtomicInteger(0);

    ExecuteHandler(CellRunner runner, ProtocolConnection connection, HistoryStore history, FailureReplies failures) {
        this.runner = runner;
        this.connection = connection;
        this.history = history;
        this.failures = failures;
    }

    int executionCount() {
        return executionCount.get();
    }

    boolean handling() {
        return requestInHand != 0;
    }

    /** The number of the execute_request being handled now (each gets its own), or 0 when none is. */
    long requestInHand() {
        return requestInHand;
    }

    /** The {@code cellId} of an execute_request's metadata, when the front end sends one. */
    static String cellId(Message<?> message) {
        Map<String, Object> metadata = message.hasMetadata() ? message.getMetadata() : null;
        Object id = metadata == null ? null : metadata.get("cellId");
        return id instanceof String text && !text.isBlank() && text.length() <= 256 ? text : null;
    }

    @Override
    public void handle(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        requestInHand = requests.incrementAndGet();
        try {
            answer(env, message);
        } finally {
            requestInHand = 0;
        }
    }

    private void answer(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        String code = request.getCode() == null ? "" : request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.incrementAndGet() : executionCount.get();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(code, count));
        }
        Optional<String> page = runner.page(code);
        if (page.isPresent()) {
            Map<String, Object> payload = Map.of("source", "page", "data", Map.of("text/plain", page.get()), "start", 0);
            env.reply(Replies.Execute.ok(count, List.of(payload)));
            remember(store, count, code, null);
            return;
        }
        JupyterConsole console = new JupyterConsole(env, silent, request.isStdinEnabled());
        List<String> traceback;
        String evalue;
        Throwable fatal = null;
        try {
            runner.run(code, cellId(message), console);
            Bundle result = console.finish();
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, JupyterConsole.toDisplayData(result)));
            }
            env.reply(Replies.Execute.ok(count, List.of()));
            remember(store, count, code, result == null ? null : result.plainText());
            return;
        } catch (CellError error) {
            traceback = traceback(error);
            evalue = error.getMessage();
        } catch (Throwable unexpected) {
            // A cell must never go unanswered: the kernel's own words, never Java's.
            traceback = failures.describe(unexpected);
            evalue = traceback.isEmpty() ? "" : traceback.get(0);
            if (FailureReplies.isFatal(unexpected)) {
                fatal = unexpected;
            }
        }
        try {
            console.flushPending();
            console.finish();
        } catch (RuntimeException ignored) {
            // the output that could not be shown does not keep the error from being told
        }
        if (!silent) {
            env.publish(new PublishError(ERROR_NAME, evalue, traceback));
        }
        if (request.shouldStopOnError()) {
            // Only what was queued before this failure's reply goes out is aborted.
            connection.shell().abortQueued(this::abortIfExecute);
        }
        env.reply(Replies.Execute.error(count, ERROR_NAME, evalue, traceback));
        remember(store, count, code, null);
        if (fatal instanceof Error error) {
            throw error;
        }
    }

    /** The error's lines: the CLI's words, then the hint set apart in colour. */
    static List<String> traceback(CellError error) {
        List<String> lines = new ArrayList<>(error.lines());
        if (error.hint() != null) {
            lines.add("");
            lines.add(HINT_COLOR + error.hint() + RESET);
        }
        return lines;
    }

    private boolean abortIfExecute(Message<?> queued) {
        if (queued.getHeader().getType() != MessageType.EXECUTE_REQUEST) {
            return false;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(connection.shell(), queued);
        env.setBusyDeferIdle();
        env.reply(Replies.Execute.aborted(executionCount.get()));
        env.resolveDeferrals();
        return true;
    }

    private void remember(boolean store, int count, String code, String output) {
        if (store) {
            history.add(count, code, output);
        }
    }
}
