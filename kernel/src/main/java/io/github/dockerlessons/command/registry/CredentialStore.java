package io.github.dockerlessons.command.registry;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.files.LocalFileError;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/**
 * The docker CLI's config.json ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json})
 * as its file credential store keeps logins: {@code "auths": {"SERVER": {"auth": base64(user:password)}}},
 * written with tabs as the CLI writes it, every other setting in the file kept. The CLI and the
 * kernel share the logins.
 */
public final class CredentialStore {
    /** Docker Hub's address in the store. */
    public static final String INDEX_SERVER = "https://index.docker.io/v1/";

    /** A login: the user, the password (or empty), an identity token (or empty), the server. */
    public record Credentials(String username, String password, String identityToken, String serverAddress) { }

    private final Path file;

    public CredentialStore(Path file) {
        this.file = file;
    }

    /**
     * The store in the docker config folder the kernel's engine discovery reads (DOCKER_CONFIG, else
     * ~/.docker): logins live beside the contexts, as in the CLI, and a test's fake home holds both.
     */
    public static CredentialStore of(CommandContext ctx) {
        return new CredentialStore(ctx.discovery().machine().dockerConfigDir().resolve("config.json"));
    }

    public Path file() {
        return file;
    }

    /** The login kept for {@code server}, or null. */
    public Credentials get(String server) throws LocalFileError {
        JsonObject auths = read().getAsJsonObject("auths");
        if (auths == null) {
            return null;
        }
        for (String key : new String[]{server, hostname(server), "https://" + hostname(server),
                "http://" + hostname(server)}) {
            JsonElement entry = auths.get(key);
            if (entry != null && entry.isJsonObject()) {
                JsonObject auth = entry.getAsJsonObject();
                String user = "";
                String password = "";
                if (auth.has("auth")) {
                    String decoded = new String(Base64.getDecoder().decode(auth.get("auth").getAsString()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    user = colon < 0 ? decoded : decoded.substring(0, colon);
                    password = colon < 0 ? "" : decoded.substring(colon + 1);
                }
                String token = auth.has("identitytoken") ? auth.get("identitytoken").getAsString() : "";
                return new Credentials(user, password, token, server);
            }
        }
        return null;
    }

    /** Keeps a login; false when the same one was kept already (the file is then left alone). */
    public boolean store(Credentials credentials) throws LocalFileError {
        JsonObject config = read();
        JsonObject auths = config.has("auths") && config.get("auths").isJsonObject() ? config.getAsJsonObject("auths")
                : new JsonObject();
        JsonObject entry = new JsonObject();
        entry.addProperty("auth", Base64.getEncoder().encodeToString((credentials.username() + ":"
                + credentials.password()).getBytes(StandardCharsets.UTF_8)));
        if (!credentials.identityToken().isEmpty()) {
            entry.addProperty("identitytoken", credentials.identityToken());
        }
        if (entry.equals(auths.get(credentials.serverAddress()))) {
            return false;
        }
        auths.add(credentials.serverAddress(), entry);
        config.add("auths", auths);
        write(config);
        return true;
    }

    /** Forgets the logins kept under any of these names. */
    public void erase(String... servers) throws LocalFileError {
        JsonObject config = read();
        if (!config.has("auths") || !config.get("auths").isJsonObject()) {
            return;
        }
        boolean changed = false;
        for (String server : servers) {
            changed |= config.getAsJsonObject("auths").remove(server) != null;
        }
        if (changed) {
            write(config);
        }
    }

    /** The base64url JSON the engine takes in X-Registry-Auth for {@code server} ("e30=" for none). */
    public String registryAuthHeader(String server) throws LocalFileError {
        Credentials credentials = get(server);
        JsonObject auth = new JsonObject();
        if (credentials != null) {
            auth.addProperty("username", credentials.username());
            auth.addProperty("password", credentials.password());
            if (!credentials.identityToken().isEmpty()) {
                auth.addProperty("identitytoken", credentials.identityToken());
            }
            auth.addProperty("serveraddress", server);
        }
        return Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** credentials.ConvertToHostname: "https://host:5000/v2/" is "host:5000". */
    public static String hostname(String address) {
        String host = address.replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    private JsonObject read() throws LocalFileError {
        if (!Files.exists(file)) {
            return new JsonObject();
        }
        try {
            JsonElement parsed = JsonParser.parseString(Files.readString(file));
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (IOException e) {
            throw LocalFileError.of("open", file, e);
        } catch (RuntimeException e) {
            throw new LocalFileError("loading config file: " + file + ": invalid JSON");
        }
    }

    private void write(JsonObject config) throws LocalFileError {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setIndent("\t");
            new GsonBuilder().disableHtmlEscaping().create().toJson(config, writer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "config.json", "");
            Files.writeString(temporary, text.toString());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw LocalFileError.of("open", file, e);
        }
    }
}
