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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's container is the one container model of run and create: the same request JSON as the typed flags. */
class ServiceRequestTest {
    @TempDir
    Path dir;

    private ComposeProject load(String yaml) throws Exception {
        return ComposeFixture.project(dir, yaml);
    }

    private static final ServiceRequest.Plan FIRST = new ServiceRequest.Plan("lesson-web-1", 1, false, null, null,
            false, true);

    /**
     * The service is written as docker create's words, each a --flag=value; a value that reads like a
     * flag (a hostile or careless file) stays that flag's value and never becomes a flag of its own.
     */
    @Test
    void valuesThatLookLikeFlagsStayValues() throws Exception {
        ComposeProject project = load("""
                services:
                  web:
                    image: busybox
                    environment:
                      X: "-v /:/host"
                      "--privileged": "1"
                    hostname: "--privileged"
                    user: "--privileged"
                    working_dir: "-v"
                    stop_signal: "--privileged"
                    expose: ["80"]
                """);
        // the labels as the caller gives them: Compose's own and the file's
        JsonObject body = ServiceRequest.body(project, project.services().get("web"), FIRST,
                Map.of("--privileged", "--cap-add=ALL"));
        String json = body.toString();
        assertFalse(json.contains("\"Privileged\":true"), json);
        assertFalse(json.contains("CapAdd\":[\""), json);
        assertFalse(json.contains("/:/host\"") && !json.contains("X=-v /:/host"), json);
        assertEquals("[\"X=-v /:/host\",\"--privileged=1\"]", body.get("Env").toString());
        assertEquals("--privileged", body.get("Hostname").getAsString());
        assertEquals("--privileged", body.get("User").getAsString());
        assertEquals("-v", body.get("WorkingDir").getAsString());
        assertEquals("--cap-add=ALL", body.getAsJsonObject("Labels").get("--privileged").getAsString());
        JsonObject host = body.getAsJsonObject("HostConfig");
        assertTrue(host.get("Binds") == null || host.get("Binds").getAsJsonArray().isEmpty(), host.toString());
    }

    @Test
    void aServiceIsTheSameRequestAsTheEquivalentDockerRun() throws Exception {
        ComposeProject project = load("""
                services:
                  web:
                    image: busybox
                    command: httpd -f -p 80 -h /www
                    entrypoint: /bin/sh-entry
                    ports:
                      - "8080:80"
                      - 127.0.0.1:9000-9001:90-91/udp
                      - "7000"
                      - "[::1]::6000"
                    expose: ["5000", "5001-5002/udp"]
                    volumes:
                      - site:/www
                      - ./conf:/conf:ro
                      - /scratch
                      - type: tmpfs
                        target: /run/cache
                    environment:
                      GREETING: 안녕
                    working_dir: /www
                    hostname: web1
                    user: "1000"
                    restart: on-failure:3
                    stop_signal: SIGINT
                    stop_grace_period: 5s
                    init: true
                    tty: true
                    networks:
                      front:
                        aliases: [www]
                volumes:
                  site:
                networks:
                  front:
                """);
        ComposeProject.Service web = project.services().get("web");
        String conf = dir.resolve("lesson/conf").toString();
        JsonObject fromCompose = ServiceRequest.body(project, web, FIRST, Map.of("k", "v"));
        // docker create as a person would type it for the same container
        JsonObject fromFlags = ContainerCreator.request(List.of("--name", "lesson-web-1", "-l", "k=v", "-t",
                "-e", "GREETING=안녕", "-w", "/www", "-h", "web1", "-u", "1000", "--stop-signal", "SIGINT",
                "--stop-timeout", "5", "--init", "--restart", "on-failure:3", "-p", "8080:80",
                "-p", "127.0.0.1:9000-9001:90-91/udp", "-p", "7000", "-p", "[::1]::6000", "--expose", "5000",
                "--expose", "5001-5002/udp", "-v", "lesson_site:/www:rw", "-v", conf + ":/conf:ro", "-v", "/scratch",
                "--tmpfs", "/run/cache", "--network", "lesson_front", "--network-alias", "lesson-web-1",
                "--network-alias", "web", "--network-alias", "www", "--entrypoint", "/bin/sh-entry"),
                "busybox", List.of("httpd", "-f", "-p", "80", "-h", "/www"));
        assertEquals(fromFlags, fromCompose);
        assertEquals("on-failure", fromCompose.getAsJsonObject("HostConfig").getAsJsonObject("RestartPolicy")
                .get("Name").getAsString());
    }

    @Test
    void oneOffsPublishNothingAndRestartNever() throws Exception {
        ComposeProject project = load("""
                services:
                  web:
                    image: busybox
                    ports: ["8080:80"]
                    restart: always
                """);
        ServiceRequest.Plan oneOff = new ServiceRequest.Plan("lesson-web-run-1", 0, true, List.of("sh"), "1", true,
                false);
        JsonObject body = ServiceRequest.body(project, project.services().get("web"), oneOff, Map.of());
        JsonObject fromFlags = ContainerCreator.request(List.of("--name", "lesson-web-run-1", "-i", "--network",
                "lesson_default", "--network-alias", "lesson-web-run-1"), "busybox", List.of("sh"));
        assertEquals(fromFlags, body);
        assertTrue(body.get("AttachStdin").getAsBoolean());
        assertFalse(body.getAsJsonObject("HostConfig").has("PortBindings")
                && body.getAsJsonObject("HostConfig").getAsJsonObject("PortBindings").size() > 0);
    }

    @Test
    void stdinOpenKeepsStdinOpenWithoutAttachingItAndAnEntrypointListStaysAList() throws Exception {
        ComposeProject project = load("""
                services:
                  web:
                    image: busybox
                    stdin_open: true
                    entrypoint: ["sh", "-c"]
                """);
        JsonObject body = ServiceRequest.body(project, project.services().get("web"), FIRST, Map.of());
        assertTrue(body.get("OpenStdin").getAsBoolean());
        assertFalse(body.get("AttachStdin").getAsBoolean());
        assertFalse(body.get("StdinOnce").getAsBoolean());
        assertEquals("[\"sh\",\"-c\"]", body.get("Entrypoint").toString());
    }
}
