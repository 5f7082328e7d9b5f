package io.github.dockerlessons.command.stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.dockerlessons.console.Console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The engine's JSON message stream (load, import, push, login), printed as the docker CLI's
 * jsonmessage prints it when its output is not a terminal: {@code stream} text as it is,
 * {@code status} lines as "ID: status" or "status", progress bars left out. The first error in the
 * stream ends it and is kept for the command to fail with.
 */
public final class JsonMessages {
    private final Console console;
    private final Consumer<JsonObject> aux;
    private String error;

    /** Prints to {@code console}; each message's {@code aux} object (a digest, an ID) goes to {@code aux}. */
    public JsonMessages(Console console, Consumer<JsonObject> aux) {
        this.console = console;
        this.aux = aux;
    }

    /** Reads the stream to its end or its first error; returns null, or the error's message. */
    public String read(InputStream body) throws IOException {
        if (body == null) {
            return null;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(line);
            } catch (RuntimeException e) {
                console.out(line + "\n");
                continue;
            }
            if (!parsed.isJsonObject()) {
                continue;
            }
            JsonObject message = parsed.getAsJsonObject();
            if (message.has("errorDetail") || message.has("error")) {
                JsonElement detail = message.get("errorDetail");
                error = detail != null && detail.isJsonObject() && detail.getAsJsonObject().has("message")
                        ? detail.getAsJsonObject().get("message").getAsString() : message.get("error").getAsString();
                return error;
            }
            if (message.has("aux") && message.get("aux").isJsonObject()) {
                aux.accept(message.getAsJsonObject("aux"));
            }
            if (message.has("stream")) {
                console.out(message.get("stream").getAsString());
            } else if (message.has("status") && !hasProgress(message)) {
                String id = message.has("id") ? message.get("id").getAsString() : "";
                console.out((id.isEmpty() ? "" : id + ": ") + message.get("status").getAsString() + "\n");
            }
        }
        return null;
    }

    /** The error the stream ended with, or null. */
    public String error() {
        return error;
    }

    /** A progress bar, which the CLI shows only on a terminal. */
    private static boolean hasProgress(JsonObject message) {
        JsonElement progress = message.get("progress");
        return progress != null && progress.isJsonPrimitive() && !progress.getAsString().isEmpty();
    }
}
