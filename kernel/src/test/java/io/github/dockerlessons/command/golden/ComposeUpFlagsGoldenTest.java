package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * compose up's --wait, --wait-timeout, --scale, --exit-code-from and --abort-on-container-failure, and compose scale, against
 * ComposeGoldenTest's fake daemon (project "demo", service "web"), with the container's state
 * (health, exit code) as each case needs it (golden/compose-up-*.golden, compose-scale-*.golden).
 * The words are Compose v2.39's (cmd/compose/up.go, scale.go, pkg/compose/start.go, convergence.go).
 */
class ComposeUpFlagsGoldenTest {
    @BeforeAll
    static void files() throws IOException {
        ComposeGoldenTest.files();
    }

    /** The inspect answer of demo-web-1: running or exited with {@code exitCode}, and its health, if any. */
    private static String inspect(boolean running, int exitCode, String health) {
        String healthcheck = health == null ? "" : "\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]},";
        String state = "{\"Status\":\"" + (running ? "running" : "exited") + "\",\"Running\":" + running
                + ",\"ExitCode\":" + exitCode
                + (health == null ? "" : ",\"Health\":{\"Status\":\"" + health + "\",\"FailingStreak\":0,\"Log\":[]}")
                + ",\"StartedAt\":\"2024-12-06T01:55:01Z\"}";
        return """
                {"Id":"%s","Name":"/demo-web-1","Image":"%s","Created":"2024-12-06T01:55:00Z",
                 "Config":{%s"Image":"nginx:alpine","Tty":false,"OpenStdin":false,"Labels":%s},
                 "State":%s,"HostConfig":{"NetworkMode":"demo_default"},
                 "NetworkSettings":{"Networks":{"demo_default":{"NetworkID":"n1","Aliases":["web"]}}}}"""
                .formatted(ComposeGoldenTest.ID, ComposeGoldenTest.IMAGE_ID, healthcheck, ComposeGoldenTest.labels(),
                        state);
    }

    private static void check(FakeDaemon daemon, String golden, String... argv) throws Exception {
        List<String> line = new ArrayList<>(List.of("compose", "-f",
                ComposeGoldenTest.DIR.resolve("compose.yaml").toString(), "-p", "demo"));
        line.addAll(List.of(argv));
        CommandRun run = CommandRun.run(daemon, line.toArray(String[]::new));
        Golden.assertMatches(golden, run.transcript().replace(ComposeGoldenTest.DIR.toString(), "/notebook"));
    }

    @Test
    void waitUntilRunningOrHealthy() throws Exception {
        check(ComposeGoldenTest.daemon("", "running"), "compose-up-wait", "up", "--wait");
        check(ComposeGoldenTest.daemon("", "running").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(true, 0, "healthy"))), "compose-up-wait-healthy", "up", "--wait");
    }

    @Test
    void waitFailsAsComposeDoes() throws Exception {
        check(ComposeGoldenTest.daemon("", "exited").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(false, 1, null))), "compose-up-wait-exited", "up", "--wait");
        check(ComposeGoldenTest.daemon("", "running").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(true, 0, "unhealthy"))), "compose-up-wait-unhealthy", "up", "--wait");
        check(ComposeGoldenTest.daemon("", "running").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(true, 0, "starting"))), "compose-up-wait-timeout", "up", "--wait",
                "--wait-timeout", "1");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-wait-refused", "up", "--wait",
                "--abort-on-container-exit");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-wait-timeout-negative", "up", "--wait",
                "--wait-timeout", "-1");
    }

    @Test
    void scale() throws Exception {
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-scale", "up", "-d", "--scale", "web=3");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-scale-invalid", "up", "-d", "--scale", "web");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-scale-not-a-number", "up", "-d", "--scale", "web=x");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-scale-no-such-service", "up", "-d", "--scale", "db=2");
        check(ComposeGoldenTest.daemon("", "none"), "compose-scale", "scale", "web=2");
        check(ComposeGoldenTest.daemon("", "none"), "compose-scale-invalid", "scale", "web");
        check(ComposeGoldenTest.daemon("", "none"), "compose-scale-not-a-number", "scale", "web=two");
    }

    @Test
    void exitCodeFrom() throws Exception {
        check(ComposeGoldenTest.daemon("", "exited").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(false, 3, null))), "compose-up-exit-code-from", "up", "--no-color",
                "--exit-code-from", "web");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-exit-code-from-no-such-service", "up",
                "--exit-code-from", "db");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-exit-code-from-detached", "up", "-d",
                "--exit-code-from", "web");
        check(ComposeGoldenTest.daemon("", "exited").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(false, 2, null))), "compose-up-abort-on-failure", "up", "--no-color",
                "--abort-on-container-failure");
        check(ComposeGoldenTest.daemon("", "exited").on("GET", "/containers/*/json",
                FakeDaemon.json(200, inspect(false, 0, null))), "compose-up-abort-on-failure-none-failed", "up",
                "--no-color", "--abort-on-container-failure");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-abort-on-failure-and-exit", "up",
                "--abort-on-container-failure", "--abort-on-container-exit");
        check(ComposeGoldenTest.daemon("", "none"), "compose-up-wait-abort-on-failure", "up", "--wait",
                "--abort-on-container-failure");
    }
}
