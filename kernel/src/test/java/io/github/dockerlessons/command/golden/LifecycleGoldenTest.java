package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rm, stop, start, kill and restart against a fake daemon: each prints the names as typed, and a
 * refusal in the daemon's words after the names that worked (golden/{rm,stop,start,kill,restart}-*.golden).
 */
class LifecycleGoldenTest {
    private static final String NO_SUCH = "No such container: nope";

    /** web answers every action; nope is unknown; busy is running and refuses rm without -f. */
    private static FakeDaemon daemon() {
        FakeDaemon daemon = new FakeDaemon();
        for (String action : new String[] {"stop", "start", "kill", "restart"}) {
            daemon.on("POST", "/containers/*/" + action, FakeDaemon.noContent())
                    .on("POST", "/containers/nope/" + action, FakeDaemon.error(404, NO_SUCH));
        }
        return daemon.on("DELETE", "/containers/*", FakeDaemon.noContent())
                .on("DELETE", "/containers/nope", FakeDaemon.error(404, NO_SUCH))
                .on("DELETE", "/containers/busy", request -> request.hasQuery("force=true")
                        ? FakeDaemon.noContent()
                        : FakeDaemon.error(409, "cannot remove container \"/busy\": container is running: stop the "
                                + "container before removing or force remove"))
                .on("GET", "/containers/*/json", FakeDaemon.json(200, """
                        {"Id":"4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0","Name":"/web",
                         "Config":{"Tty":false,"AttachStdout":false,"OpenStdin":false},"State":{"Running":false}}"""))
                .on("GET", "/containers/nope/json", FakeDaemon.error(404, NO_SUCH));
    }

    private static CommandRun check(String golden, String... argv) throws Exception {
        CommandRun run = CommandRun.run(daemon(), argv);
        Golden.assertMatches(golden, run.transcript());
        return run;
    }

    @Test
    void rm() throws Exception {
        check("rm-names", "rm", "web", "job");
    }

    @Test
    void rmRunningAndMissing() throws Exception {
        assertEquals(1, check("rm-errors", "rm", "web", "busy", "nope").status);
    }

    @Test
    void rmForce() throws Exception {
        FakeDaemon daemon = daemon();
        CommandRun run = CommandRun.run(daemon, "rm", "-f", "busy");
        Golden.assertMatches("rm-force", run.transcript());
        assertTrue(daemon.requests().get(0).hasQuery("force=true"), daemon.requests().get(0).query());
    }

    @Test
    void stop() throws Exception {
        check("stop-names", "stop", "web", "job");
    }

    @Test
    void stopMissing() throws Exception {
        check("stop-missing", "stop", "web", "nope");
    }

    @Test
    void stopTimeoutIsSent() throws Exception {
        FakeDaemon daemon = daemon();
        CommandRun.run(daemon, "stop", "-t", "3", "web");
        assertTrue(daemon.requests().get(0).hasQuery("t=3"), daemon.requests().get(0).query());
    }

    @Test
    void start() throws Exception {
        check("start-names", "start", "web", "job");
    }

    @Test
    void startMissing() throws Exception {
        check("start-missing", "start", "web", "nope", "job");
    }

    @Test
    void kill() throws Exception {
        check("kill-names", "kill", "web");
    }

    @Test
    void killMissing() throws Exception {
        check("kill-missing", "kill", "nope", "web");
    }

    @Test
    void killSignalIsSent() throws Exception {
        FakeDaemon daemon = daemon();
        CommandRun.run(daemon, "kill", "-s", "SIGTERM", "web");
        assertTrue(daemon.requests().get(0).hasQuery("signal=SIGTERM"), daemon.requests().get(0).query());
    }

    @Test
    void restart() throws Exception {
        check("restart-names", "restart", "web", "job");
    }

    @Test
    void restartMissing() throws Exception {
        check("restart-missing", "restart", "nope");
    }
}
