package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel as Jupyter sees it, kept thin: a cell's text goes to the {@link Session}, its output
 * comes back through a {@link JupyterConsole}, and a failure becomes one error message whose lines are
 * the CLI's words and a hint. It knows the protocol, not docker.
 */
public final class DockerKernel extends BaseKernel {
    private static final String HINT_COLOR = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final Session session;
    private final LanguageInfo languageInfo;

    public DockerKernel(Session session, String version) {
        this.session = session;
        this.languageInfo = new LanguageInfo.Builder("docker")
                .version(version)
                .mimetype("text/x-sh")
                .fileExtension(".sh")
                .pygments("bash")
                .codemirror("shell")
                .build();
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Docker lesson kernel " + languageInfo.getVersion();
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        JupyterConsole console = new JupyterConsole(this);
        try {
            session.run(code, console);
        } catch (CellError e) {
            console.flushPending();
            throw e;
        }
        return console.takeResult();
    }

    @Override
    public void interrupt() {
        session.interrupt();
    }

    @Override
    public List<String> formatError(Exception e) {
        if (!(e instanceof CellError error)) {
            return super.formatError(e);
        }
        List<String> lines = new ArrayList<>(error.lines());
        if (error.hint() != null) {
            lines.add("");
            lines.add(HINT_COLOR + error.hint() + RESET);
        }
        return lines;
    }
}
