package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.files.AtomicOutput;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.util.Map;

/** A tar the engine sends ({@code save}, {@code export}) written to a file next to the notebook. */
public final class TarDownload {
    private TarDownload() {
    }

    /**
     * The file a tar goes to: the CLI refuses to write one to a terminal, and a cell is one. The hint
     * shows {@code example}, the same command with {@code -o}.
     */
    public static String requireOutput(String output, String example) throws DockerError {
        if (output == null || output.isEmpty()) {
            throw new DockerError(1, "cowardly refusing to save to a terminal. Use the -o flag or redirect",
                    "hint.save.output", example);
        }
        return output;
    }

    /**
     * GETs {@code path} into {@code output}; {@code openFailure} prefixes the CLI's words when the
     * file cannot be made ("failed to save image: ").
     */
    public static void to(CommandContext ctx, String output, String openFailure, String stillGoingOn, String path)
            throws DockerError, InterruptedException {
        LocalFileError[] local = new LocalFileError[1];
        AtomicOutput opened;
        try {
            opened = AtomicOutput.create(output);
        } catch (LocalFileError e) {
            // the CLI wraps every reason its atomic writer refuses the path: "failed to save image: ..."
            throw new DockerError(1, openFailure + e.getMessage(), "hint.local.file", output);
        }
        try (AtomicOutput file = opened) {
            ctx.untilDone(stillGoingOn, RawRequest.exchange(DockerHttpClient.Request.Method.GET, path,
                    Map.of(), null, body -> {
                        try {
                            file.copyFrom(body);
                        } catch (LocalFileError e) {
                            local[0] = e;
                        }
                        return null;
                    }));
            if (local[0] != null) {
                throw local[0];
            }
            file.commit();
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), "hint.local.file", output);
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        }
    }
}
