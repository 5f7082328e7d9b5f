package io.github.dockerlessons.command;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A raw engine request for a command: errors become the CLI's, status 1. */
public final class RawApi {
    private RawApi() {
    }

    public static JsonElement json(CommandContext ctx, DockerHttpClient.Request.Method method, String path)
            throws DockerError {
        try {
            return ctx.engine().requestJson(method, path);
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw DockerCommand.unreachable(e);
        }
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
