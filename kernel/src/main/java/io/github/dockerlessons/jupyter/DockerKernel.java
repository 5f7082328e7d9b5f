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
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;

import java.util.LinkedHashMap;
import java.util.List;
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

    private final HistoryStore history = new HistoryStore();
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
            public Optional<String> page(String code) {
                return session.assistant().pagerHelp(code);
            }
        };
        connection.setHandler(MessageType.EXECUTE_REQUEST, new ExecuteHandler(runner, connection, history));
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            env.reply(new Replies.KernelInfo(version, languageInfo, getBanner(), getHelpLinks()));
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
        Warmup.start(session.registry(), WARMUP_ROUNDS, bundle -> connection.rehearse(new Message<>(null,
                PublishExecuteResult.MESSAGE_TYPE, new PublishExecuteResult(1, JupyterConsole.toDisplayData(bundle)))));
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

    @Override
    public ReplacementOptions complete(String code, int cursorCodePoints) {
        int at = code.offsetByCodePoints(0, Math.min(cursorCodePoints, code.codePointCount(0, code.length())));
        Assistant.Completion completion = session.assistant().complete(code, at);
        // The protocol counts in code points; Java strings in UTF-16 units.
        return new ReplacementOptions(completion.matches(), code.codePointCount(0, completion.start()),
                code.codePointCount(0, completion.end()));
    }

    @Override
    public DisplayData inspect(String code, int cursorCodePoints, boolean extraDetail) {
        int at = code.offsetByCodePoints(0, Math.min(cursorCodePoints, code.codePointCount(0, code.length())));
        return session.assistant().inspect(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public String isComplete(String code) {
        return switch (session.assistant().completeness(code)) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INCOMPLETE -> "";
            case INVALID -> IS_COMPLETE_BAD;
        };
    }

    @Override
    public void interrupt() {
        session.interrupt();
    }

    @Override
    public List<String> formatError(Exception e) {
        return e instanceof CellError error ? ExecuteHandler.traceback(error) : super.formatError(e);
    }
}
