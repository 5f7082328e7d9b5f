package io.github.dockerlessons.engine;

import com.google.gson.FormattingStyle;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The docker CLI's context store and its current context, read and written exactly as the CLI lays
 * them out, so that a context made with {@code docker context create} is read here and one made here
 * is read by the CLI:
 * <pre>
 *   $DOCKER_CONFIG/config.json                          {"currentContext": NAME, ...}
 *   $DOCKER_CONFIG/contexts/meta/SHA256(NAME)/meta.json {"Name":..,"Metadata":{..},"Endpoints":{"docker":{"Host":..,"SkipTLSVerify":..}}}
 *   $DOCKER_CONFIG/contexts/tls/SHA256(NAME)/docker/    ca.pem cert.pem key.pem
 * </pre>
 * This class returns data and the CLI's error words; printing belongs to the commands.
 */
public final class ContextStore {
    private static final Pattern VALID_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$");
    private static final String DOCKER = "docker";
    private static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    private final Path configDir;

    public ContextStore(Path configDir) {
        this.configDir = configDir;
    }

    public Path configDir() {
        return configDir;
    }

    public Path configFile() {
        return configDir.resolve("config.json");
    }

    /** The folder name the CLI gives a context: the hex SHA-256 of its name. */
    public static String directoryName(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Path metadataPath(String name) {
        return configDir.resolve("contexts").resolve("meta").resolve(directoryName(name));
    }

    public Path tlsPath(String name) {
        return configDir.resolve("contexts").resolve("tls").resolve(directoryName(name));
    }

    /** The CLI's rule for names it stores ("default" is its own and never stored). */
    public static void validateName(String name) throws ContextError {
        if (name.equals(DockerContext.DEFAULT_NAME)) {
            throw new ContextError("\"default\" is a reserved context name");
        }
        if (!VALID_NAME.matcher(name).matches()) {
            throw new ContextError("context name \"" + name + "\" is invalid, names are validated against regexp \""
                    + VALID_NAME.pattern() + "\"");
        }
    }

    // ------------------------------------------------------------------ the current context

    /**
     * The currentContext that {@code docker context use} wrote, or "" (the default). A config.json
     * that is not JSON counts as empty, as the CLI does (it warns and goes on).
     */
    public String currentContext() {
        JsonObject config = readConfig();
        JsonElement current = config == null ? null : config.get("currentContext");
        return current != null && current.isJsonPrimitive() ? current.getAsString() : "";
    }

    /**
     * {@code docker context use NAME}: checks that the context exists, then writes currentContext
     * ("default" removes it), keeping every other setting of config.json. Nothing is written when nothing
     * changes, so using "default" never creates the file.
     */
    public void use(String name) throws ContextError {
        String value = "";
        if (!name.equals(DockerContext.DEFAULT_NAME)) {
            validateName(name);
            read(name);
            value = name;
        }
        if (currentContext().equals(value)) {
            return;
        }
        writeCurrentContext(value);
    }

    /**
     * What {@code docker context rm -f} does to the context in use: config.json without currentContext,
     * written even when it had none (the CLI saves its configuration then).
     */
    public void resetCurrentContext() throws ContextError {
        writeCurrentContext("");
    }

    private void writeCurrentContext(String value) throws ContextError {
        JsonObject config = readConfig();
        if (config == null) {
            config = new JsonObject();
            config.add("auths", new JsonObject());
        }
        if (value.isEmpty()) {
            config.remove("currentContext");
        } else {
            config.addProperty("currentContext", value);
        }
        String text = new GsonBuilder().disableHtmlEscaping()
                .setFormattingStyle(FormattingStyle.PRETTY.withIndent("\t").withNewline("\n"))
                .create().toJson(config);
        try {
            Path target = Files.isSymbolicLink(configFile()) ? configFile().toRealPath() : configFile();
            writeAtomically(target, goEscaped(text).getBytes(StandardCharsets.UTF_8), "rw-------");
        } catch (IOException e) {
            throw new ContextError("open " + configFile() + ": " + reason(e), e);
        }
    }

    private JsonObject readConfig() {
        try {
            JsonElement parsed = JsonParser.parseString(new String(SmallFile.read(configFile()), StandardCharsets.UTF_8));
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (IOException | JsonParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ reading contexts

    /** The context NAME; the CLI's "context not found" error when it is not stored. */
    public DockerContext read(String name) throws ContextError {
        Path meta = metadataPath(name).resolve("meta.json");
        String text;
        try {
            text = new String(SmallFile.read(meta), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ContextError("context \"" + name + "\": context not found: open " + meta
                    + ": no such file or directory", e);
        } catch (IOException e) {
            throw new ContextError("context \"" + name + "\": open " + meta + ": " + reason(e), e);
        }
        try {
            return ContextMetadata.parse(meta, text, this::tlsPath);
        } catch (ContextError e) {
            if (!e.getMessage().startsWith("parsing ")) {
                throw e;
            }
            throw new ContextError("context \"" + name + "\": " + e.getMessage(), e); // as the CLI names it
        }
    }

    public Optional<DockerContext> find(String name) throws ContextError {
        if (!Files.isRegularFile(metadataPath(name).resolve("meta.json"))) {
            return Optional.empty();
        }
        return Optional.of(read(name));
    }

    /** Every stored context (not the default), in the CLI's natural order of names. */
    public List<DockerContext> list() throws ContextError {
        Path root = configDir.resolve("contexts").resolve("meta");
        List<DockerContext> contexts = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return contexts;
        }
        List<Path> metaFiles;
        try (Stream<Path> walk = Files.walk(root)) {
            metaFiles = walk.filter(p -> p.getFileName().toString().equals("meta.json") && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new ContextError("failed to read metadata: " + reason(e), e);
        }
        for (Path meta : metaFiles) {
            try {
                contexts.add(ContextMetadata.parse(meta, new String(SmallFile.read(meta), StandardCharsets.UTF_8),
                        this::tlsPath));
            } catch (NoSuchFileException e) {
                // removed while listing, as the CLI skips it
            } catch (IOException e) {
                throw new ContextError("failed to read metadata: " + reason(e), e);
            } catch (ContextError e) {
                throw new ContextError("failed to read metadata: " + e.getMessage(), e);
            }
        }
        contexts.sort(Comparator.comparing(DockerContext::name, NaturalOrder.INSTANCE));
        return contexts;
    }

    /** The TLS settings a context carries for its docker endpoint, or null when it has none. */
    public EngineEndpoint.Tls tlsOf(DockerContext context) {
        if (context.isDefault()) {
            return null;
        }
        Path dir = context.tlsPath().resolve(DOCKER);
        Path ca = context.tlsFiles().contains("ca.pem") ? dir.resolve("ca.pem") : null;
        Path cert = context.tlsFiles().contains("cert.pem") ? dir.resolve("cert.pem") : null;
        Path key = context.tlsFiles().contains("key.pem") ? dir.resolve("key.pem") : null;
        if (ca == null && cert == null && key == null && !context.skipTlsVerify()) {
            return null;
        }
        return new EngineEndpoint.Tls(ca, cert, key, !context.skipTlsVerify());
    }

    // ------------------------------------------------------------------ writing contexts

    /**
     * {@code docker context create NAME [--description D] --docker ...}: writes meta.json and the TLS
     * files. Fails with the CLI's words when the name is invalid or taken.
     */
    public DockerContext create(String name, String description, ContextEndpointSpec endpoint) throws ContextError {
        checkNameForCreation(name);
        JsonObject metadata = new JsonObject();
        if (description != null && !description.isEmpty()) {
            metadata.addProperty("Description", description);
        }
        JsonObject docker = new JsonObject();
        if (!endpoint.host().isEmpty()) {
            docker.addProperty("Host", endpoint.host()); // the CLI leaves out an empty host (--docker host=)
        }
        docker.addProperty("SkipTLSVerify", endpoint.skipTlsVerify());
        JsonObject endpoints = new JsonObject();
        endpoints.add(DOCKER, docker);
        write(name, metadata, endpoints, new byte[][]{endpoint.ca(), endpoint.cert(), endpoint.key()});
        return read(name);
    }

    /**
     * {@code docker context create NAME [--description D] --from OTHER} (and the form with no endpoint,
     * which copies the current context): the other context's metadata, endpoints and TLS files under
     * the new name; a description given here replaces the copied one.
     */
    public DockerContext copy(String from, String name, String description) throws ContextError {
        checkNameForCreation(name);
        DockerContext source = read(from);
        JsonObject metadata = source.metadata().deepCopy();
        if (description != null && !description.isEmpty()) {
            metadata.addProperty("Description", description);
        }
        byte[][] tls = new byte[3][];
        for (int i = 0; i < TLS_FILES.size(); i++) {
            Path file = source.tlsPath().resolve(DOCKER).resolve(TLS_FILES.get(i));
            try {
                tls[i] = Files.isRegularFile(file) ? SmallFile.read(file) : null;
            } catch (IOException e) {
                throw new ContextError("open " + file + ": " + reason(e), e);
            }
        }
        write(name, metadata, source.endpoints().deepCopy(), tls);
        return read(name);
    }

    /** The CLI's checks before a context is created. */
    public void checkNameForCreation(String name) throws ContextError {
        validateName(name);
        if (Files.exists(metadataPath(name).resolve("meta.json"))) {
            throw new ContextError("context \"" + name + "\" already exists");
        }
    }

    private void write(String name, JsonObject metadata, JsonObject endpoints, byte[][] tls) throws ContextError {
        JsonObject root = new JsonObject();
        root.addProperty("Name", name);
        root.add("Metadata", metadata);
        root.add("Endpoints", endpoints);
        String text = goEscaped(new GsonBuilder().disableHtmlEscaping().create().toJson(root));
        Path metaDir = metadataPath(name);
        try {
            createDirectories(metaDir, "rwxr-xr-x");
            writeAtomically(metaDir.resolve("meta.json"), text.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
            Path tlsDir = tlsPath(name);
            deleteTree(tlsDir);
            boolean anyTls = false;
            for (byte[] data : tls) {
                anyTls |= data != null;
            }
            if (anyTls) {
                createDirectories(tlsDir, "rwxr-xr-x");
                Path endpointDir = tlsDir.resolve(DOCKER);
                createDirectories(endpointDir, "rwx------");
                for (int i = 0; i < TLS_FILES.size(); i++) {
                    if (tls[i] != null) {
                        writeAtomically(endpointDir.resolve(TLS_FILES.get(i)), tls[i], "rw-------");
                    }
                }
            }
        } catch (IOException e) {
            throw new ContextError("failed to write context \"" + name + "\": " + reason(e), e);
        }
    }

    /**
     * Removes the stored context NAME (its metadata and TLS files). The checks that depend on the
     * current context ("is in use, set -f flag to force remove") are the command's.
     */
    public void remove(String name) throws ContextError {
        try {
            deleteTree(metadataPath(name));
            deleteTree(tlsPath(name));
        } catch (IOException e) {
            throw new ContextError("failed to remove metadata: " + reason(e), e);
        }
    }

    /** Whether NAME is stored (the CLI's check before a remove without -f: "context NAME does not exist"). */
    public boolean exists(String name) {
        return Files.exists(metadataPath(name));
    }

    // ------------------------------------------------------------------ files

    /** Go's encoding/json escapes &lt;, &gt; and &amp; inside strings; Gson is told not to escape, then this does. */
    private static String goEscaped(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createDirectories(Path dir, String permissions) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (posix()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
            }
        }
    }

    /** Write to a temporary file beside the target, then rename: a reader never sees half a file. */
    private static void writeAtomically(Path target, byte[] data, String permissions) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, data);
            if (posix()) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(permissions));
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** An I/O failure in the words Go would use for it. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
