package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

/**
 * exec (through docker-java's attach, since the fake has no upgraded stream) and stats --no-stream
 * against a fake daemon (golden/{exec,stats}-*.golden).
 */
class ExecStatsGoldenTest {
    static final String ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    static final String EXEC_ID = "e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";
    static final String STATS = """
            {"read":"2024-12-06T02:00:00Z","preread":"2024-12-06T01:59:59Z","id":"%s","name":"/web","pids_stats":{"current":3},
             "cpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":100000000000,"online_cpus":2},
             "precpu_stats":{"cpu_usage":{"total_usage":1000000000},"system_cpu_usage":90000000000,"online_cpus":2},
             "memory_stats":{"usage":10485760,"limit":1073741824,"stats":{"inactive_file":2097152}},
             "networks":{"eth0":{"rx_bytes":1500,"tx_bytes":700}},
             "blkio_stats":{"io_service_bytes_recursive":[{"op":"read","value":4096},{"op":"write","value":8192}]}}"""
            .formatted(ID);

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("GET", "/containers/*/json", FakeDaemon.json(200, "{\"Id\":\"" + ID + "\",\"Name\":\"/web\","
                        + "\"Config\":{\"Tty\":false},\"State\":{\"Running\":true}}"))
                .on("POST", "/containers/*/exec", FakeDaemon.json(201, "{\"Id\":\"" + EXEC_ID + "\"}"))
                .on("POST", "/containers/nope/exec", FakeDaemon.error(404, "No such container: nope"))
                .on("POST", "/exec/*/start", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream",
                        InspectRmiLogsVersionGoldenTest.frames(1, "hi\n", 2, "oops\n")))
                .on("GET", "/exec/*/json", FakeDaemon.json(200, "{\"ID\":\"" + EXEC_ID + "\",\"Running\":false,"
                        + "\"ExitCode\":3,\"Pid\":4300}"))
                .on("GET", "/containers/*/stats", FakeDaemon.json(200, STATS));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void exec() throws Exception {
        check("exec-output-status", "exec", "web", "sh", "-c", "echo hi; echo oops >&2; exit 3");
        check("exec-missing", "exec", "nope", "true");
    }

    @Test
    void statsNoStream() throws Exception {
        check("stats-no-stream", "stats", "--no-stream", "web");
    }
}
