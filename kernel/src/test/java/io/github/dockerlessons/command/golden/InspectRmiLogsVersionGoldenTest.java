package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * inspect, rmi, logs and version against a fake daemon: the commands that print the daemon's own
 * JSON or byte streams (golden/{inspect,rmi,logs,version}-*.golden).
 */
class InspectRmiLogsVersionGoldenTest {
    static final String WEB = """
            {"Id":"4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0","Created":"2024-12-06T01:55:00.123456789Z",
             "Path":"/docker-entrypoint.sh","Args":["nginx","-g","daemon off;"],
             "State":{"Status":"running","Running":true,"Paused":false,"ExitCode":0,"StartedAt":"2024-12-06T01:55:01Z"},
             "Name":"/web","RestartCount":0,"Config":{"Hostname":"4f1e2d3c4b5a","Tty":false,"Env":["PATH=/usr/bin","A=<b>&c"],
             "Image":"nginx:alpine","Labels":{"lesson":"1"}},
             "NetworkSettings":{"Networks":{"bridge":{"IPAddress":"172.17.0.2","Gateway":"172.17.0.1"}}}}""";
    static final String RMI = """
            [{"Untagged":"busybox:latest"},
             {"Untagged":"busybox@sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5"},
             {"Deleted":"sha256:af4709625109a5d2c4a1b8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3"},
             {"Deleted":"sha256:1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d"}]""";
    static final String VERSION = """
            {"Platform":{"Name":"Docker Engine - Community"},"Version":"28.2.2","ApiVersion":"1.50",
             "MinAPIVersion":"1.24","GitCommit":"45873be","GoVersion":"go1.24.3","Os":"linux","Arch":"amd64",
             "KernelVersion":"6.1.0-28-amd64","BuildTime":"2025-05-30T12:07:26.000000000+00:00",
             "Components":[{"Name":"Engine","Version":"28.2.2","Details":{"ApiVersion":"1.50","Arch":"amd64",
              "BuildTime":"2025-05-30T12:07:26.000000000+00:00","Experimental":"false","GitCommit":"45873be",
              "GoVersion":"go1.24.3","KernelVersion":"6.1.0-28-amd64","MinAPIVersion":"1.24","Os":"linux"}},
              {"Name":"containerd","Version":"1.7.27","Details":{"GitCommit":"05044ec0a9a75232cad458027ca83437aae3f4da"}},
              {"Name":"runc","Version":"1.2.5","Details":{"GitCommit":"v1.2.5-0-g59923ef"}},
              {"Name":"docker-init","Version":"0.19.0","Details":{"GitCommit":"de40ad0"}}]}""";

    /** stdcopy: a frame is [stream, 0, 0, 0, size as 4 big-endian bytes] and the payload. */
    static byte[] frames(Object... streamAndText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < streamAndText.length; i += 2) {
            byte[] payload = ((String) streamAndText[i + 1]).getBytes(StandardCharsets.UTF_8);
            int n = payload.length;
            out.writeBytes(new byte[] {(byte) (int) (Integer) streamAndText[i], 0, 0, 0,
                (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("GET", "/containers/*/json", FakeDaemon.error(404, "No such container: nope"))
                .on("GET", "/containers/web/json", FakeDaemon.json(200, WEB))
                .on("GET", "/images/*/json", FakeDaemon.error(404, "No such image: nope:latest"))
                .on("GET", "/networks/*", FakeDaemon.error(404, "network nope not found"))
                .on("GET", "/volumes/*", FakeDaemon.error(404, "get nope: no such volume"))
                .on("DELETE", "/images/*", FakeDaemon.error(404, "No such image: nope:latest"))
                .on("DELETE", "/images/busybox", FakeDaemon.json(200, RMI))
                .on("DELETE", "/images/web-image", FakeDaemon.error(409, "conflict: unable to remove repository "
                        + "reference \"web-image\" (must force) - container 4f1e2d3c4b5a is using its referenced image "
                        + "1e5c3c6b8e0a"))
                .on("GET", "/containers/web/logs", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream",
                        frames(1, "hello\n", 2, "warning: low disk\n", 1, "안녕\n", 1, "no newline at the end")))
                .on("GET", "/version", FakeDaemon.json(200, VERSION));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void inspect() throws Exception {
        check("inspect-container", "inspect", "web");
    }

    @Test
    void inspectFormat() throws Exception {
        check("inspect-format", "inspect", "-f", "{{.State.Status}} {{.Config.Image}} {{json .Config.Labels}}", "web");
    }

    @Test
    void inspectFormatRange() throws Exception {
        check("inspect-format-range", "inspect", "--format",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", "web");
    }

    @Test
    void inspectMissing() throws Exception {
        check("inspect-missing", "inspect", "web", "nope");
    }

    @Test
    void rmi() throws Exception {
        check("rmi-deleted", "rmi", "busybox");
    }

    @Test
    void rmiErrors() throws Exception {
        check("rmi-errors", "rmi", "nope", "web-image", "busybox");
    }

    @Test
    void logs() throws Exception {
        check("logs-stdcopy", "logs", "web");
    }

    @Test
    void logsMissing() throws Exception {
        check("logs-missing", "logs", "nope");
    }

    @Test
    void versionServer() throws Exception {
        // The client half names the kernel's own build, which changes with every release.
        String transcript = CommandRun.run(daemon(), "version").transcript();
        assertTrue(transcript.contains("\nServer:"), transcript);
        Golden.assertMatches("version-server", transcript.substring(transcript.indexOf("Server:")));
    }

    @Test
    void versionServerWithoutPlatformName() throws Exception {
        // Debian's engine names no platform: the CLI then prints "Server:" alone.
        FakeDaemon daemon = daemon().on("GET", "/version", FakeDaemon.json(200,
                VERSION.replace("\"Docker Engine - Community\"", "\"\"")));
        String transcript = CommandRun.run(daemon, "version").transcript();
        assertTrue(transcript.contains("\nServer:\n Engine:\n"), transcript);
    }

    @Test
    void versionFormat() throws Exception {
        check("version-format", "version", "--format", "{{.Server.Version}} {{.Server.APIVersion}} {{.Server.Os}}/{{.Server.Arch}}");
    }
}
