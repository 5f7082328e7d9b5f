package io.github.dockerlessons.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A context's meta.json read as the CLI reads it (json.Unmarshal into store.untypedContextMetadata):
 * its refusals in Go's words, missing fields as Go's zero values, and the TLS files stored beside it.
 */
final class ContextMetadata {
    private static final String DOCKER = "docker";

    private ContextMetadata() {
    }

    static DockerContext parse(Path meta, String text, Function<String, Path> tlsPathOf) throws ContextError {
        JsonObject root;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String syntax = GoJsonSyntax.unmarshalError(bytes); // the CLI reads meta.json with json.Unmarshal
        if (syntax != null) {
            throw new ContextError("parsing " + meta + ": " + syntax);
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (parsed.isJsonNull()) {
                return parse(meta, "{}", tlsPathOf); // json.Unmarshal of null leaves the struct empty
            }
            if (!parsed.isJsonObject()) {
                throw new ContextError("parsing " + meta + ": json: cannot unmarshal " + goKind(parsed)
                        + " into Go value of type store.untypedContextMetadata");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            // valid for Go, yet nested deeper than Gson reads (its message names its own classes)
            throw new ContextError("parsing " + meta + ": exceeded max depth", e);
        }
        String name = stringField(root, "Name");
        JsonObject metadata = objectField(root, "Metadata");
        JsonObject endpoints = objectField(root, "Endpoints");
        String host = "";
        boolean skip = false;
        String error = null;
        if (endpoints.has(DOCKER) && endpoints.get(DOCKER).isJsonObject()) {
            JsonObject docker = endpoints.getAsJsonObject(DOCKER);
            host = stringField(docker, "Host");
            skip = docker.has("SkipTLSVerify") && docker.get("SkipTLSVerify").isJsonPrimitive()
                    && docker.get("SkipTLSVerify").getAsBoolean();
        } else {
            error = "cannot find docker endpoint in context";
        }
        Path tlsDir = tlsPathOf.apply(name);
        List<String> tlsFiles = new ArrayList<>();
        Path endpointTls = tlsDir.resolve(DOCKER);
        if (Files.isDirectory(endpointTls)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(endpointTls)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file)) {
                        tlsFiles.add(file.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new ContextError("failed to read TLS data of context \"" + name + "\": " + ContextStore.reason(e), e);
            }
        }
        tlsFiles.sort(null);
        return new DockerContext(name, metadata, endpoints, host, skip, List.copyOf(tlsFiles), error,
                meta.getParent(), tlsDir);
    }

    /** What Go's json calls a value's kind in "cannot unmarshal KIND into ...". */
    private static String goKind(JsonElement value) {
        if (value.isJsonArray()) {
            return "array";
        }
        if (value.isJsonNull()) {
            return "null";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        return primitive.isBoolean() ? "bool" : primitive.isNumber() ? "number" : "string";
    }

    private static String stringField(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    private static JsonObject objectField(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }
}
