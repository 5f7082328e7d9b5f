package io.github.dockerlessons.it;

import io.github.dockerlessons.RecordingConsole;
import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.engine.EngineDiscovery;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.session.CellError;
import io.github.dockerlessons.session.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Compose keys that say how a container runs, through the kernel against the real engine and
 * checked from outside with docker inspect: the container has each setting, service_healthy really
 * waits for the health check (and fails on an unhealthy dependency), and a profile's services start
 * only when it is enabled.
 */
class ComposeRunSettingsIT {
    private static final String P = "rsit" + UUID.randomUUID().toString().substring(0, 6);
    private static final String FILE = """
            services:
              db:
                image: busybox
                command: sh -c 'sleep 3; touch /tmp/ok; exec sleep 600'
                init: true
                healthcheck:
                  test: test -f /tmp/ok
                  interval: 1s
                  retries: 30
              web:
                image: busybox
                command: sleep 600
                init: true
                depends_on:
                  db:
                    condition: service_healthy
                extra_hosts: ["somehost:10.1.2.3"]
                cap_add: [NET_ADMIN]
                cap_drop: [MKNOD]
                ulimits:
                  nofile: {soft: 1024, hard: 2048}
                logging:
                  driver: json-file
                  options: {max-size: 1m}
                deploy:
                  resources:
                    limits: {cpus: "0.5", memory: 64m}
                    reservations: {memory: 32m}
              side:
                image: busybox
                command: sleep 600
                init: true
                network_mode: service:web
              reader:
                extends:
                  file: ./base.yaml
                  service: sleeper
                secrets: [pw]
                configs:
                  - source: site
                    target: /etc/site.conf
              sick:
                image: busybox
                command: sleep 600
                init: true
                profiles: [broken]
                healthcheck:
                  test: ["CMD", "false"]
                  interval: 1s
                  retries: 1
              waiter:
                image: busybox
                command: sleep 600
                profiles: [broken]
                depends_on:
                  sick:
                    condition: service_healthy
            secrets:
              pw:
                file: ./pw.txt
            configs:
              site:
                file: ./site.conf
            """;
    private static Path dir;
    private static Session session;

    @BeforeAll
    static void prepare() throws Exception {
        Map<String, String> env = System.getenv();
        session = new Session(DockerCommands.registry(), new EngineGateway(EngineDiscovery.forThisMachine(env)),
                new Messages(Messages.ENGLISH), env, Clock.systemUTC());
        dir = Files.createDirectories(Path.of("target", "compose-it", P).toAbsolutePath());
        Files.writeString(dir.resolve("compose.yaml"), FILE);
        Files.writeString(dir.resolve("base.yaml"), """
                services:
                  sleeper:
                    image: busybox
                    command: sleep 600
                    init: true
                    network_mode: bridge
                """);
        Files.writeString(dir.resolve("pw.txt"), "비밀\n");
        Files.writeString(dir.resolve("site.conf"), "listen 80\n");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (String project : new String[] {P, P + "v1"}) {
            try {
                run("docker compose -f " + dir.resolve("compose.yaml") + " -p " + project
                        + " --profile broken down -v -t 1");
            } catch (CellError ignored) {
                // nothing was left
            }
        }
    }

    private static RecordingConsole run(String cell) throws CellError {
        RecordingConsole console = new RecordingConsole();
        session.run(cell, console);
        return console;
    }

    private static String compose() {
        return "docker compose -f " + dir.resolve("compose.yaml") + " -p " + P + " ";
    }

    /** docker inspect -f, run as the reference, never by the kernel. */
    private static String inspect(String format, String container) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("docker", "inspect", "-f", format, container).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out.strip();
    }

    @Test
    void theContainersHaveTheSettingsAndHealthGatesTheStart() throws Exception {
        run(compose() + "up -d");
        // up returned only after db's health check passed (it needs 3 s), so web started after it
        assertEquals("healthy", inspect("{{.State.Health.Status}}", P + "-db-1"));
        assertEquals("[CMD-SHELL test -f /tmp/ok] 1s 30", inspect(
                "{{.Config.Healthcheck.Test}} {{.Config.Healthcheck.Interval}} {{.Config.Healthcheck.Retries}}",
                P + "-db-1"));
        assertEquals("[somehost:10.1.2.3] [CAP_NET_ADMIN] [CAP_MKNOD]", inspect(
                "{{.HostConfig.ExtraHosts}} {{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}}", P + "-web-1"));
        assertEquals("nofile 1024 2048", inspect(
                "{{range .HostConfig.Ulimits}}{{.Name}} {{.Soft}} {{.Hard}}{{end}}", P + "-web-1"));
        assertEquals("json-file 1m", inspect(
                "{{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config \"max-size\"}}", P + "-web-1"));
        assertEquals("500000000 67108864 33554432", inspect(
                "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.MemoryReservation}}", P + "-web-1"));
        assertTrue(inspect("{{.HostConfig.NetworkMode}}", P + "-side-1").startsWith("container:"));
        // reader extends a service of another file (image, command, network mode) with a secret and a config
        assertEquals("비밀\nlisten 80\n", run(compose() + "exec -T reader cat /run/secrets/pw /etc/site.conf").out.toString());
        assertEquals("bridge sleep", inspect("{{.HostConfig.NetworkMode}} {{index .Config.Cmd 0}}", P + "-reader-1"));
        // the profile's services are not part of the project unless it is enabled
        assertEquals("db\nweb\nside\nreader\n", run(compose() + "config --services").out.toString());
        assertEquals("db\nweb\nside\nreader\nsick\nwaiter\n",
                run(compose() + "--profile broken config --services").out.toString());
    }

    /** Where Debian's docker-compose 1.29 is installed, its container for the same service has the same settings. */
    @Test
    void composeOneTwentyNineMakesTheSameContainer() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/docker-compose")));
        run(compose() + "up -d web");
        Process v1 = new ProcessBuilder("docker-compose", "--compatibility", "-f", dir.resolve("compose.yaml").toString(),
                "-p", P + "v1", "up", "-d", "web").redirectErrorStream(true).start();
        String out = new String(v1.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(v1.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, v1.exitValue(), out);
        String format = "{{.HostConfig.ExtraHosts}} {{json .HostConfig.Ulimits}} {{json .HostConfig.LogConfig}}"
                + " {{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.MemoryReservation}}"
                + " {{len .HostConfig.CapAdd}} {{len .HostConfig.CapDrop}}";
        assertEquals(inspect(format, P + "v1_web_1"), inspect(format, P + "-web-1"));
        // the dependency's health check as 1.29 sets it (the kernel also sends the zero durations, as docker run does)
        assertEquals(inspect("{{.Config.Healthcheck.Test}} {{.Config.Healthcheck.Interval}} "
                + "{{.Config.Healthcheck.Retries}}", P + "v1_db_1"), inspect("{{.Config.Healthcheck.Test}} "
                + "{{.Config.Healthcheck.Interval}} {{.Config.Healthcheck.Retries}}", P + "-db-1"));
    }

    @Test
    void anUnhealthyDependencyFailsTheUpInComposesWords() throws Exception {
        CellError e = assertThrows(CellError.class, () -> run(compose() + "--profile broken up -d sick waiter"));
        assertEquals("dependency failed to start: container " + P + "-sick-1 is unhealthy", e.lines().get(0));
        assertEquals("unhealthy", inspect("{{.State.Health.Status}}", P + "-sick-1"));
    }
}
