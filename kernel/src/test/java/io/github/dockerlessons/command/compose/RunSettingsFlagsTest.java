package io.github.dockerlessons.command.compose;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.ContainerCreator;
import io.github.dockerlessons.compose.ComposeProject;
import io.github.dockerlessons.compose.ComposeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service's run settings make the same request as the docker create flags a person would type. */
class RunSettingsFlagsTest {
    @TempDir
    Path dir;

    private ComposeProject load(String yaml) throws Exception {
        return ComposeFixture.project(dir, yaml);
    }

    private static ServiceRequest.Plan first(String name) {
        return new ServiceRequest.Plan(name, 1, false, null, null, false, true);
    }

    @Test
    void theKeysAreTheFlagsOfDockerCreate() throws Exception {
        ComposeProject project = load("""
                services:
                  db:
                    image: redis
                    healthcheck:
                      test: redis-cli ping
                      interval: 1s
                      timeout: 2s
                      retries: 5
                      start_period: 3s
                    ulimits:
                      nproc: 512
                      nofile: {soft: 1024, hard: 2048}
                    cap_add: [NET_ADMIN]
                    cap_drop: [MKNOD]
                    logging:
                      driver: json-file
                      options: {max-size: 1m}
                    deploy:
                      resources:
                        limits: {cpus: "0.5", memory: 64m}
                        reservations: {memory: 32m}
                    extra_hosts: ["somehost:10.0.0.9"]
                """);
        JsonObject body = ServiceRequest.body(project, project.services().get("db"), first("lesson-db-1"), Map.of());
        JsonObject typed = ContainerCreator.request(List.of("--name", "lesson-db-1", "--health-cmd", "redis-cli ping",
                "--health-interval", "1s", "--health-timeout", "2s", "--health-start-period", "3s",
                "--health-retries", "5", "--add-host", "somehost:10.0.0.9", "--cap-add", "NET_ADMIN", "--cap-drop",
                "MKNOD", "--ulimit", "nproc=512", "--ulimit", "nofile=1024:2048", "--log-driver", "json-file",
                "--log-opt", "max-size=1m", "--cpus", "0.5", "--memory", "64m", "--memory-reservation", "32m",
                "--network", "lesson_default", "--network-alias", "lesson-db-1", "--network-alias", "db"),
                "redis", List.of());
        assertEquals(typed, body);
    }

    @Test
    void secretsAndConfigsAreReadOnlyBindMounts() throws Exception {
        ComposeProject project = load("""
                services:
                  web:
                    image: busybox
                    secrets: [pw, {source: pw, target: other}]
                    configs: [site, {source: site, target: /etc/site.conf}]
                secrets:
                  pw: {file: ./pw.txt}
                configs:
                  site: {file: ./site.conf}
                """);
        Path folder = dir.resolve("lesson");
        JsonObject body = ServiceRequest.body(project, project.services().get("web"), first("lesson-web-1"), Map.of());
        assertEquals(ContainerCreator.request(List.of("--name", "lesson-web-1",
                "-v", folder.resolve("pw.txt") + ":/run/secrets/pw:ro", "-v", folder.resolve("pw.txt") + ":/run/secrets/other:ro",
                "-v", folder.resolve("site.conf") + ":/site:ro", "-v", folder.resolve("site.conf") + ":/etc/site.conf:ro",
                "--network", "lesson_default", "--network-alias", "lesson-web-1", "--network-alias", "web"),
                "busybox", List.of()), body);
    }

    @Test
    void anExecTestANoneTestAndNetworkModes() throws Exception {
        ComposeProject project = load("""
                services:
                  db:
                    image: redis
                    healthcheck:
                      test: ["CMD", "redis-cli", "ping"]
                      retries: 2
                  web:
                    image: busybox
                    network_mode: service:db
                    healthcheck:
                      test: ["NONE"]
                  tool:
                    image: busybox
                    network_mode: host
                """);
        JsonObject db = ServiceRequest.body(project, project.services().get("db"), first("lesson-db-1"), Map.of());
        assertEquals("[\"CMD\",\"redis-cli\",\"ping\"]", db.getAsJsonObject("Healthcheck").get("Test").toString());
        assertEquals(2, db.getAsJsonObject("Healthcheck").get("Retries").getAsInt());
        JsonObject web = ServiceRequest.body(project, project.services().get("web"), first("lesson-web-1"), Map.of());
        assertEquals(ContainerCreator.request(List.of("--name", "lesson-web-1", "--no-healthcheck", "--network",
                "container:lesson-db-1"), "busybox", List.of()), web);
        JsonObject tool = ServiceRequest.body(project, project.services().get("tool"), first("lesson-tool-1"), Map.of());
        assertEquals("host", tool.getAsJsonObject("HostConfig").get("NetworkMode").getAsString());
        // when no service uses the project's networks there is no default network to make
        assertEquals(List.of(), List.copyOf(load("services:\n  tool:\n    image: busybox\n    network_mode: none\n")
                .networks().keySet()));
    }
}
