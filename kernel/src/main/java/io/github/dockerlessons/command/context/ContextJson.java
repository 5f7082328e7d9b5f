package io.github.dockerlessons.command.context;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dockerlessons.engine.DockerContext;

/**
 * A context as {@code docker context inspect} prints it (docker/cli's store.Metadata with its TLS
 * material and storage): Name, Metadata, Endpoints, TLSMaterial ({"docker": [file names]} when the
 * context carries TLS files) and Storage (the folders, "&lt;IN MEMORY&gt;" for the default, which the
 * CLI builds from the environment and shows with empty metadata). Strings are escaped as Go's
 * encoding/json escapes them.
 */
final class ContextJson {
    private static final String IN_MEMORY = "<IN MEMORY>";

    private ContextJson() {
    }

    static String of(DockerContext context) {
        JsonObject root = new JsonObject();
        root.addProperty("Name", context.name());
        root.add("Metadata", context.isDefault() ? new JsonObject() : context.metadata().deepCopy());
        root.add("Endpoints", context.endpoints().deepCopy());
        JsonObject tls = new JsonObject();
        if (!context.tlsFiles().isEmpty()) {
            JsonArray files = new JsonArray();
            context.tlsFiles().forEach(files::add);
            tls.add("docker", files);
        }
        root.add("TLSMaterial", tls);
        JsonObject storage = new JsonObject();
        storage.addProperty("MetadataPath", context.isDefault() ? IN_MEMORY : context.metadataPath().toString());
        storage.addProperty("TLSPath", context.isDefault() ? IN_MEMORY : context.tlsPath().toString());
        root.add("Storage", storage);
        return goEscaped(new GsonBuilder().disableHtmlEscaping().create().toJson(root));
    }

    /** Go's encoding/json escapes &lt;, &gt;, &amp; and the two Unicode line separators inside strings. */
    static String goEscaped(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
