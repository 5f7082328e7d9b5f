package io.github.dockerlessons.session;

import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker compose completes service names from the project's Compose file, as Compose's
 * completeServiceNames does: the file the typed -f names (before or after the subcommand) or the
 * project directory's, every profile's services included; nothing (never an error) when the file is
 * missing or broken. The declaration lives beside each subcommand (its spec's arguments); no engine needed.
 */
class ComposeServiceCompletionTest {
    private static final Path DIR = Path.of("target", "compose-completion").toAbsolutePath();
    private static final String FILE = DIR.resolve("compose.yaml").toString();
    private final Session session = new Session(DockerCommands.registry(),
            new EngineGateway(EngineDiscovery.fixed("unix:///nonexistent/docker.sock")), new Messages(Messages.ENGLISH),
            Map.of(), Clock.systemUTC());

    @BeforeAll
    static void files() throws Exception {
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("compose.yaml"), """
                services:
                  web:
                    image: busybox
                    depends_on: [db]
                  db:
                    image: busybox
                  debug:
                    image: busybox
                    profiles: [debug]
                """);
        Files.writeString(DIR.resolve("broken.yaml"), "services:\n  web: [\n");
    }

    private List<String> complete(String code) {
        return session.assistant().complete(code, code.length()).matches();
    }

    @Test
    void everySubcommandThatTakesServicesCompletesThem() {
        for (String sub : List.of("up", "logs", "ps", "restart", "stop", "start", "rm", "build", "pull", "create", "kill",
                "pause", "unpause", "top", "images", "down", "events", "wait", "config")) {
            assertEquals(List.of("db", "debug", "web"), complete("docker compose -f " + FILE + " " + sub + " "), sub);
        }
    }

    @Test
    void theFileMayBeNamedAfterTheSubcommandAndTheTypedPrefixNarrows() {
        assertEquals(List.of("web"), complete("docker compose up -d --file " + FILE + " w"));
        assertEquals(List.of("db", "debug"), complete("docker compose -f " + FILE + " up --build web d"));
        // logs' own -f follows; the file is the top-level -f
        assertEquals(List.of("db", "debug", "web"), complete("docker compose -f " + FILE + " logs -f "));
        assertEquals(List.of("db", "debug", "web"), complete("docker compose --project-directory " + DIR + " up "));
    }

    @Test
    void execRunAndPortCompleteTheServiceOnlyFirstScaleAddsTheEqualsSign() {
        assertEquals(List.of("web"), complete("docker compose -f " + FILE + " exec -T w"));
        assertEquals(List.of(), complete("docker compose -f " + FILE + " exec web "));
        assertEquals(List.of("db", "debug", "web"), complete("docker compose -f " + FILE + " run --rm "));
        assertEquals(List.of("db=", "debug=", "web="), complete("docker compose -f " + FILE + " scale "));
    }

    @Test
    void afterTheProjectFlagsTheSubcommandsComplete() {
        List<String> subcommands = complete("docker compose -f " + FILE + " ");
        assertTrue(subcommands.containsAll(List.of("up", "logs", "exec", "scale")), subcommands.toString());
        assertTrue(complete("docker compose ").contains("up"));
    }

    @Test
    void aMissingOrBrokenFileCompletesNothing() {
        assertEquals(List.of(), complete("docker compose -f " + DIR.resolve("nowhere.yaml") + " up "));
        assertEquals(List.of(), complete("docker compose -f " + DIR.resolve("broken.yaml") + " up "));
        assertEquals(List.of(), complete("docker compose up --no-such-flag "));
    }

    /** A named pipe as -f: completion has no stop button, so it must not wait for a writer (the shell would hang). */
    @Test
    void aNamedPipeCompletesNothingAtOnce() throws Exception {
        Path pipe = DIR.resolve("pipe.yaml");
        Files.deleteIfExists(pipe);
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        try {
            assertEquals(List.of(), assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> complete("docker compose -f " + pipe + " up ")));
        } finally {
            // Opened read-write, a pipe lets a reader stuck in its open through; then it reads nothing.
            try (FileChannel ignored = FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                Files.delete(pipe);
            }
        }
    }
}
