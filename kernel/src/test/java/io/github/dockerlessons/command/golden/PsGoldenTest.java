package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code docker ps} against a fake daemon, compared with the CLI's output (golden/ps-*.golden). */
class PsGoldenTest {
    /** A running container as the Engine API lists it, created 5 minutes before NOW. */
    static final String WEB = """
            {"Id":"4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0","Names":["/web"],
             "Image":"nginx:alpine","ImageID":"sha256:1e5c3c6b8e0a","Command":"/docker-entrypoint.sh nginx -g 'daemon off;'",
             "Created":1733450100,"Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},
             {"IP":"::","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],"Labels":{"lesson":"1"},
             "State":"running","Status":"Up 5 minutes","HostConfig":{"NetworkMode":"bridge"},
             "NetworkSettings":{"Networks":{"bridge":{"NetworkID":"n1"}}},"Mounts":[]}""";
    /** An exited one, created 2 hours before NOW. */
    static final String JOB = """
            {"Id":"9a8b7c6d5e4f30211203f4e5d6c7b8a99988776655443322110ffeeddccbbaa9","Names":["/job"],
             "Image":"busybox","ImageID":"sha256:af4709625109","Command":"echo hello","Created":1733443200,
             "Ports":[],"Labels":{},"State":"exited","Status":"Exited (0) 2 hours ago",
             "HostConfig":{"NetworkMode":"bridge"},"NetworkSettings":{"Networks":{"bridge":{"NetworkID":"n1"}}},
             "Mounts":[]}""";
    static final String CONTAINERS = "[" + WEB + "," + JOB + "]";
    static final String RUNNING = "[" + WEB + "]";

    private static FakeDaemon daemon() {
        return new FakeDaemon().on("GET", "/containers/json", request -> FakeDaemon.json(200,
                request.hasQuery("all=1") || request.hasQuery("all=true") ? CONTAINERS : RUNNING));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void table() throws Exception {
        check("ps-table", "ps");
    }

    @Test
    void all() throws Exception {
        check("ps-all", "ps", "-a");
    }

    @Test
    void quiet() throws Exception {
        check("ps-quiet", "ps", "-a", "-q");
    }

    @Test
    void quietNoTrunc() throws Exception {
        check("ps-quiet-no-trunc", "ps", "-aq", "--no-trunc");
    }

    @Test
    void noTrunc() throws Exception {
        check("ps-no-trunc", "ps", "-a", "--no-trunc");
    }

    @Test
    void formatTable() throws Exception {
        check("ps-format-table", "ps", "-a", "--format", "table {{.Names}}\t{{.Image}}\t{{.State}}");
    }

    @Test
    void formatTemplate() throws Exception {
        check("ps-format-template", "ps", "-a", "--format", "{{.Names}}: {{.Status}} {{.Ports}}");
    }

    @Test
    void formatJson() throws Exception {
        check("ps-format-json", "ps", "-a", "--format", "json");
    }

    @Test
    void quietWithFormatWarns() throws Exception {
        check("ps-quiet-format", "ps", "-q", "--format", "{{.Names}}");
    }

    @Test
    void asksForAllOnlyWithA() throws Exception {
        FakeDaemon daemon = daemon();
        CommandRun.run(daemon, "ps");
        CommandRun.run(daemon, "ps", "-a");
        assertTrue(daemon.requests().get(0).query().contains("all=false")
                || !daemon.requests().get(0).query().contains("all="), daemon.requests().get(0).query());
        assertTrue(daemon.requests().get(1).hasQuery("all=true") || daemon.requests().get(1).hasQuery("all=1"),
                daemon.requests().get(1).query());
    }

    @Test
    void daemonRefusal() throws Exception {
        FakeDaemon daemon = new FakeDaemon().on("GET", "/containers/json",
                FakeDaemon.error(500, "invalid filter 'color'"));
        Golden.assertMatches("ps-daemon-error", CommandRun.run(daemon, "ps").transcript());
    }
}
