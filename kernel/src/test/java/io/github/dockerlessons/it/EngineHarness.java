package io.github.dockerlessons.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An engine the tests start and stop themselves with a script of src/test/engines (tls-engine,
 * podman-engine): {@code start DIR} prints NAME=VALUE lines (the client's environment), {@code stop
 * DIR} ends the engine by the pid it recorded. Everything the engine keeps lives under target/engines.
 */
final class EngineHarness implements AutoCloseable {
    private final Path script;
    private final Path dir;
    private final Map<String, String> values;

    private EngineHarness(Path script, Path dir, Map<String, String> values) {
        this.script = script;
        this.dir = dir;
        this.values = values;
    }

    static EngineHarness start(String name) throws IOException, InterruptedException {
        Path kernel = Path.of("").toAbsolutePath();
        Path script = kernel.resolve("src/test/engines").resolve(name);
        Path dir = kernel.resolve("target/engines").resolve(name);
        Process process = new ProcessBuilder(script.toString(), "start", dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            new EngineHarness(script, dir, Map.of()).close(); // whatever it started, it ends
            throw new IOException(name + " did not start: " + out);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new EngineHarness(script, dir, values);
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("the engine script printed no " + name + ": " + values);
        }
        return value;
    }

    /** The client's environment: the DOCKER_* lines. */
    Map<String, String> clientEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("DOCKER_")) {
                env.put(k, v);
            }
        });
        return env;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString(), "stop", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stop.log").toFile()).start();
        // Podman's reset of its storage can take a while; the script also unmounts what Podman left.
        process.waitFor(180, TimeUnit.SECONDS);
    }
}
