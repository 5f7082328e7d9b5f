package io.github.dockerlessons.engine;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;

/**
 * A docker context as the CLI stores it: its name, the metadata object (Description and any other
 * fields), the endpoints object (the "docker" endpoint's Host and SkipTLSVerify, and whatever other
 * endpoints an older CLI wrote), the names of its TLS files, and the folders it lives in.
 *
 * @param endpointError the CLI's words when the context has no usable docker endpoint, else null
 * @param metadataPath  contexts/meta/SHA256; null for the default context, which lives in memory
 * @param tlsPath       contexts/tls/SHA256; null for the default context
 */
public record DockerContext(String name, JsonObject metadata, JsonObject endpoints, String host,
                            boolean skipTlsVerify, List<String> tlsFiles, String endpointError,
                            Path metadataPath, Path tlsPath) {
    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_DESCRIPTION = "Current DOCKER_HOST based configuration";

    /** The Description field of the metadata, or "". */
    public String description() {
        return metadata.has("Description") && metadata.get("Description").isJsonPrimitive()
                ? metadata.get("Description").getAsString() : "";
    }

    public boolean isDefault() {
        return metadataPath == null;
    }

    /** A context that is named as the current one but cannot be read: {@code context ls} shows it with the error. */
    public static DockerContext unreadable(String name, String error) {
        return new DockerContext(name, new JsonObject(), new JsonObject(), "", false, List.of(), error, null, null);
    }

    /** The default context, which the CLI builds from DOCKER_HOST and the TLS variables, never from files. */
    public static DockerContext defaultContext(String host, boolean skipTlsVerify) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("Description", DEFAULT_DESCRIPTION);
        JsonObject docker = new JsonObject();
        docker.addProperty("Host", host);
        docker.addProperty("SkipTLSVerify", skipTlsVerify);
        JsonObject endpoints = new JsonObject();
        endpoints.add("docker", docker);
        return new DockerContext(DEFAULT_NAME, metadata, endpoints, host, skipTlsVerify, List.of(), null, null, null);
    }
}
