package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.ContextStore;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code docker context ls|show|inspect|use|create|rm} through the docker CLI (28.2) and through the
 * kernel, each on a context store of its own (a scratch DOCKER_CONFIG), running the same steps in
 * order: stdout, stderr and exit status must match with the two folders' paths masked, and the files
 * each side wrote (meta.json, config.json) must be the same bytes. No engine is contacted.
 */
class ContextDifferentialIT {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@-]+");

    @TempDir
    Path scratch;

    /** One side: its own config folder and, for the kernel, a session whose environment points there. */
    private final class Side {
        final Path config;
        final Map<String, String> env = new HashMap<>();
        Session session;

        Side(String name, Map<String, String> extra) throws IOException {
            config = Files.createDirectories(scratch.resolve(name));
            System.getenv().forEach((k, v) -> {
                if (!k.startsWith("DOCKER_")) {
                    env.put(k, v);
                }
            });
            env.put("DOCKER_CONFIG", config.toString());
            env.putAll(extra);
        }

        String[] run(List<String> argv, boolean kernel) throws Exception {
            String[] result = kernel ? viaKernel(argv) : viaCli(argv);
            for (int i = 0; i < 2; i++) {
                result[i] = result[i].replace(config.toString(), "$CONFIG");
            }
            return result;
        }

        private String[] viaCli(List<String> argv) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("/usr/local/bin/docker"));
            command.addAll(argv);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            return new String[]{out, err, Integer.toString(process.waitFor())};
        }

        private String[] viaKernel(List<String> argv) {
            if (session == null) {
                session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                        new Messages(Messages.ENGLISH), env, Clock.systemUTC());
            }
            StringBuilder cell = new StringBuilder("docker");
            for (String arg : argv) {
                cell.append(' ').append(SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
            }
            RecordingConsole console = new RecordingConsole();
            int status = 0;
            String error = "";
            try {
                session.run(cell.toString(), console);
            } catch (CellError e) {
                status = e.status();
                error = String.join("\n", e.lines()) + "\n";
            }
            StringBuilder out = new StringBuilder(console.out);
            for (Bundle bundle : console.results) {
                out.append(bundle.plainText());
            }
            return new String[]{out.toString(), console.err + error, Integer.toString(status)};
        }
    }

    private static List<String> argv(String... words) {
        return List.of(words);
    }

    private static Stream<DynamicTest> steps(Side cli, Side kernel, List<List<String>> steps) {
        return steps.stream().map(step -> DynamicTest.dynamicTest("docker " + String.join(" ", step), () -> {
            String[] expected = cli.run(step, false);
            String[] actual = kernel.run(step, true);
            assertEquals(expected[0], actual[0], "stdout");
            assertEquals(expected[1].strip(), actual[1].strip(), "stderr");
            assertEquals(expected[2], actual[2], "exit status");
        }));
    }

    @TestFactory
    Stream<DynamicTest> theContextCommandsMatchTheCli() throws IOException {
        Side cli = new Side("cli", Map.of());
        Side kernel = new Side("kernel", Map.of());
        List<List<String>> steps = List.of(
                argv("context", "ls"), argv("context", "show"), argv("context", "inspect"),
                argv("context", "create", "lab", "--docker", "host=unix:///run/lab.sock", "--description", "수업 엔진"),
                argv("context", "create", "tls1", "--docker", "host=tcp://127.0.0.1:2376,skip-tls-verify=true",
                        "--description", "a<b>&c"),
                argv("context", "create", "copy1"),
                argv("context", "create", "copy2", "--from", "lab", "--description", "복사"),
                argv("context", "create", "from1", "--docker", "from=tls1"),
                argv("context", "ls"), argv("context", "list", "-q"), argv("context", "ls", "--format", "json"),
                argv("context", "ls", "--format", "{{.Name}} {{.Current}} {{.DockerEndpoint}}"),
                argv("context", "ls", "--format", "table {{.Name}}\\t{{.Description}}"),
                argv("context", "use", "lab"), argv("context", "show"), argv("context", "ls"),
                argv("context", "inspect", "lab", "default"),
                argv("context", "inspect", "-f", "{{.Name}} {{.Endpoints.docker.Host}}", "lab", "default"),
                argv("context", "inspect", "--format", "json", "tls1", "nothere"),
                argv("context", "rm", "lab"), argv("context", "rm", "-f", "lab"), argv("context", "show"),
                argv("context", "remove", "copy1", "nothere", "default"), argv("context", "rm", "-f", "nothere"),
                argv("context", "use", "nothere"), argv("context", "use"), argv("context", "use", "a", "b"),
                argv("context", "use", "x"), argv("context", "create", "copy2"),
                argv("context", "create", "bad name", "--docker", "host=tcp://x:2376"),
                argv("context", "create", "default", "--docker", "host=tcp://x"),
                argv("context", "create", "x2", "--docker", "hots=tcp://x"),
                argv("context", "create", "x3", "--docker", "host=tcp://a", "--from", "copy2"),
                argv("context", "create", "x4", "--docker", ""),
                argv("context", "create", "x5", "--docker", "host=tcp://a,skip-tls-verify=maybe"),
                argv("context", "create", "x6", "--docker", "host=tcp://a", "--docker", "skip-tls-verify=1"),
                argv("context", "create"), argv("context", "show", "extra"), argv("context", "rm"),
                argv("context", "use", "default"), argv("context", "ls"));
        return Stream.concat(steps(cli, kernel, steps), Stream.of(DynamicTest.dynamicTest(
                "both stores hold the same files", () -> assertSameFiles(cli.config, kernel.config))));
    }

    /** Under DOCKER_HOST the CLI and the kernel both stay on it, and say so. */
    @TestFactory
    Stream<DynamicTest> dockerHostOverridesTheCurrentContext() throws IOException {
        Map<String, String> host = Map.of("DOCKER_HOST", "unix:///run/elsewhere.sock");
        Side cli = new Side("cli-host", host);
        Side kernel = new Side("kernel-host", host);
        return steps(cli, kernel, List.of(
                argv("context", "create", "lab", "--docker", "host=unix:///run/lab.sock"),
                argv("context", "create", "copy"), argv("context", "use", "lab"), argv("context", "ls"),
                argv("context", "show"), argv("context", "inspect"), argv("context", "use", "default")));
    }

    /** A current context that cannot be read (DOCKER_CONTEXT names none) is listed, starred, with its error cut at 45. */
    @TestFactory
    Stream<DynamicTest> aCurrentContextThatIsNotThereIsListedWithItsError() throws IOException {
        Map<String, String> typo = Map.of("DOCKER_CONTEXT", "typo");
        Side cli = new Side("cli-typo", typo);
        Side kernel = new Side("kernel-typo", typo);
        return steps(cli, kernel, List.of(argv("context", "ls"), argv("context", "ls", "-q"),
                argv("context", "ls", "--format", "json")));
    }

    /** A cell's {@code docker context use} moves the kernel's next commands to that context's engine. */
    @Test
    void useSwitchesTheKernelsEngineForLaterCells() throws Exception {
        Side kernel = new Side("kernel-use", Map.of());
        String engine = System.getenv("DOCKER_HOST");
        kernel.run(argv("context", "create", "lessons", "--docker", "host=" + engine), true);
        kernel.run(argv("context", "create", "nowhere", "--docker", "host=unix://" + scratch.resolve("none.sock")), true);
        kernel.run(argv("context", "use", "lessons"), true);
        assertEquals("0", kernel.run(argv("ps", "-q"), true)[2]);
        assertEquals("lessons\n", kernel.run(argv("version", "--format", "{{.Client.Context}}"), true)[0]);
        kernel.run(argv("context", "use", "nowhere"), true);
        String[] failed = kernel.run(argv("ps"), true);
        assertEquals("1", failed[2]);
        Assertions.assertTrue(failed[1].startsWith("Cannot connect to the Docker daemon at unix://"),
                failed[1]);
        assertEquals("nowhere\n", kernel.run(argv("version", "--format", "{{.Client.Context}}"), true)[0]);
        kernel.run(argv("context", "use", "default"), true);
    }

    private static void assertSameFiles(Path cli, Path kernel) throws IOException {
        for (String name : List.of("lab", "tls1", "copy2", "from1", "x6")) {
            String meta = "contexts/meta/" + ContextStore.directoryName(name) + "/meta.json";
            assertEquals(read(cli.resolve(meta)), read(kernel.resolve(meta)), meta + " of " + name);
        }
        assertEquals(read(cli.resolve("config.json")), read(kernel.resolve("config.json")), "config.json");
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(missing)";
    }
}
