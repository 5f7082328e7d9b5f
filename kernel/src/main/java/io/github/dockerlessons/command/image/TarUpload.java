package io.github.dockerlessons.command.image;

import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import io.github.dockerlessons.command.stream.JsonMessages;
import io.github.dockerlessons.console.Console;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.RawRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tar sent to the engine ({@code load -i}, {@code import}) from a file next to the notebook or
 * from the cell's heredoc, the engine's JSON messages printed as the CLI prints them.
 */
final class TarUpload {
    private TarUpload() {
    }

    /** Opens {@code file} ("-" for the heredoc), in the CLI's words when it cannot be read. */
    static InputStream open(CommandContext ctx, String file) throws DockerError, InterruptedException {
        if (file.equals("-")) {
            return new ByteArrayInputStream(ctx.heredoc() == null ? new byte[0] : ctx.heredoc());
        }
        try {
            // streamed, never held: a pipe is read as it comes, and the stop button reaches its open
            return HostFiles.open(Path.of(file), file);
        } catch (LocalFileError e) {
            throw new DockerError(1, e.getMessage(), "hint.local.file", file);
        }
    }

    /** POSTs {@code body} to {@code path} and prints the answer; fails with the stream's error. */
    static void send(CommandContext ctx, String path, InputStream body, String stillGoingOn)
            throws DockerError, InterruptedException {
        send(ctx, path, body, stillGoingOn, ctx.console());
    }

    /** As {@link #send(CommandContext, String, InputStream, String)}, the engine's messages to {@code console}. */
    static void send(CommandContext ctx, String path, InputStream body, String stillGoingOn, Console console)
            throws DockerError, InterruptedException {
        JsonMessages messages = new JsonMessages(console, aux -> { });
        try (InputStream in = body) {
            ctx.untilDone(stillGoingOn, RawRequest.exchange(DockerHttpClient.Request.Method.POST, path,
                    Map.of("Content-Type", "application/x-tar"), in, messages::read));
        } catch (DaemonError e) {
            throw DockerError.daemon(e);
        } catch (IOException e) {
            // closing a file that was read to its end
        }
        if (messages.error() != null) {
            throw new DockerError(1, messages.error());
        }
    }
}
