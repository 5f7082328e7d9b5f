package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The smaller Compose subcommands (ls, images, top, port, rm, kill, pause, unpause, cp, create,
 * wait, events, version) against ComposeGoldenTest's fake daemon, project "demo" with its container
 * demo-web-1 (golden/compose-*.golden); each with a case where the engine refuses or there is
 * nothing to act on.
 */
class ComposeSubcommandsGoldenTest {
    private static final String TOP = """
            {"Titles":["UID","PID","PPID","C","STIME","TTY","TIME","CMD"],
             "Processes":[["root","4101","4080","0","01:55","?","00:00:00","nginx: master process nginx -g daemon off;"],
                          ["101","4160","4101","0","01:55","?","00:00:00","nginx: worker process"]]}""";
    private static final String EVENT = """
            {"Type":"container","Action":"start","Actor":{"ID":"%s","Attributes":{"image":"nginx:alpine",
             "name":"demo-web-1","com.docker.compose.service":"web","com.docker.compose.project":"demo"}},
             "time":1733450100,"timeNano":1733450100123456789}
            """.formatted(ComposeGoldenTest.ID).replace("\n", "") + "\n";

    @BeforeAll
    static void files() throws IOException {
        ComposeGoldenTest.files();
    }

    /** ComposeGoldenTest's daemon, with what these subcommands ask for too. */
    private static FakeDaemon daemon(String refuse, String state) {
        FakeDaemon daemon = ComposeGoldenTest.daemon(refuse.equals("list") ? "list" : "", state)
                .on("GET", "/containers/*/top", FakeDaemon.json(200, TOP))
                .on("POST", "/containers/*/pause", FakeDaemon.noContent())
                .on("POST", "/containers/*/unpause", FakeDaemon.noContent())
                .on("GET", "/images/*/json", FakeDaemon.json(200, "{\"Id\":\"" + ComposeGoldenTest.IMAGE_ID
                        + "\",\"RepoTags\":[\"nginx:alpine\"],\"Size\":43210000,\"Config\":{}}"))
                .on("GET", "/events", FakeDaemon.json(200, EVENT))
                .on("GET", "/containers/*/archive", FakeDaemon.archive("hostname", 13, 0644,
                        FakeDaemon.tar("hostname", "web-host-01\n\n")));
        switch (refuse) {
            case "pause" -> daemon.on("POST", "/containers/*/pause", FakeDaemon.error(409,
                    "Container " + ComposeGoldenTest.ID + " is not running"));
            case "kill" -> daemon.on("POST", "/containers/*/kill", FakeDaemon.error(409,
                    "Cannot kill container: " + ComposeGoldenTest.ID + ": Container is not running"));
            case "top" -> daemon.on("GET", "/containers/*/top", FakeDaemon.error(409,
                    "Container " + ComposeGoldenTest.ID + " is not running"));
            case "wait" -> daemon.on("POST", "/containers/*/wait", FakeDaemon.json(200, "{\"StatusCode\":3}"));
            case "list", "" -> { }
            default -> throw new IllegalArgumentException(refuse);
        }
        return daemon;
    }

    private static void check(String state, String golden, String refuse, String... argv) throws Exception {
        checkAnswered(state, golden, refuse, null, argv);
    }

    private static void checkAnswered(String state, String golden, String refuse, String heredoc, String... argv)
            throws Exception {
        List<String> line = new ArrayList<>(List.of("compose", "-f",
                ComposeGoldenTest.DIR.resolve("compose.yaml").toString(), "-p", "demo"));
        line.addAll(List.of(argv));
        CommandRun run = CommandRun.run(daemon(refuse, state), Map.of("DOCKER_HOST", CommandRun.HOST),
                CommandRun.freshHome(), heredoc == null ? null : heredoc.getBytes(StandardCharsets.UTF_8),
                line.toArray(String[]::new));
        Golden.assertMatches(golden, run.transcript().replace(ComposeGoldenTest.DIR.toString(), "/notebook"));
    }

    @Test
    void ls() throws Exception {
        check("running", "compose-ls", "", "ls");
        check("running", "compose-ls-json", "", "ls", "-a", "--format", "json");
        check("running", "compose-ls-refused", "list", "ls");
        check("running", "compose-ls-format-yaml", "", "ls", "--format", "yaml");
    }

    @Test
    void images() throws Exception {
        check("running", "compose-images", "", "images");
        check("running", "compose-images-quiet", "", "images", "-q");
    }

    @Test
    void top() throws Exception {
        check("running", "compose-top", "", "top");
        check("running", "compose-top-refused", "top", "top");
    }

    @Test
    void port() throws Exception {
        check("running", "compose-port", "", "port", "web", "80");
        check("running", "compose-port-unpublished", "", "port", "web", "81");
        check("none", "compose-port-not-running", "", "port", "web", "80");
        check("running", "compose-port-not-a-number", "", "port", "web", "http");
    }

    @Test
    void rm() throws Exception {
        check("exited", "compose-rm-force", "", "rm", "-f");
        checkAnswered("exited", "compose-rm-answered", "", "y\n", "rm");
        check("exited", "compose-rm-unanswered", "", "rm");
        check("running", "compose-rm-nothing-stopped", "", "rm", "-f");
    }

    @Test
    void killPauseUnpause() throws Exception {
        check("running", "compose-kill", "", "kill");
        check("running", "compose-kill-refused", "kill", "kill", "-s", "SIGTERM");
        check("none", "compose-kill-nothing", "", "kill");
        check("running", "compose-pause", "", "pause");
        check("running", "compose-pause-refused", "pause", "pause");
        check("running", "compose-unpause", "", "unpause");
        check("running", "compose-pause-no-such-service", "", "pause", "db");
    }

    @Test
    void cp() throws Exception {
        check("running", "compose-cp", "", "cp", "web:/etc/hostname",
                ComposeGoldenTest.DIR.resolve("hostname.copied").toString());
        check("none", "compose-cp-not-running", "", "cp", "web:/etc/hostname", ComposeGoldenTest.DIR.toString());
    }

    @Test
    void execNoTty() throws Exception {
        check("running", "compose-exec-no-TTY", "", "exec", "--no-TTY", "web", "echo", "hello from web");
        check("running", "compose-exec-T", "", "exec", "-T", "web", "echo", "hello from web");
    }

    @Test
    void create() throws Exception {
        check("none", "compose-create", "", "create");
    }

    @Test
    void waitEventsVersion() throws Exception {
        check("running", "compose-wait", "", "wait", "web");
        check("running", "compose-wait-status", "wait", "wait", "web");
        check("running", "compose-wait-down-project", "", "wait", "--down-project", "web");
        check("running", "compose-events", "", "events");
        check("running", "compose-events-json", "", "events", "--json");
        check("running", "compose-version", "", "version");
        check("running", "compose-version-short", "", "version", "--short");
    }
}
