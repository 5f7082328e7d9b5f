package io.github.dockerlessons.command.core;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonElement;

/** A raw engine request for a command, interruptible like every call; errors become the CLI's, status 1. */
public final class RawApi {
    private RawApi() {
    }

    public static JsonElement json(CommandContext ctx, DockerHttpClient.Request.Method method, String path)
            throws DockerError, InterruptedException {
        return ctx.call(client -> ctx.engine().requestJson(method, path));
    }
}
