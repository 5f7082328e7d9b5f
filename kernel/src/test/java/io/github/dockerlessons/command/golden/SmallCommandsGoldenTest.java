package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

/**
 * The short commands a lesson uses beside the big ones: pause, unpause, rename, wait, port, top, diff,
 * history, tag, volume create/rm and network create/rm, against a fake daemon
 * (golden/<command>-*.golden).
 */
class SmallCommandsGoldenTest {
    static final String ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    static final String NO_SUCH = "No such container: nope";
    static final String WEB = """
            {"Id":"%s","Name":"/web","Config":{"Tty":false},"State":{"Running":true},
             "NetworkSettings":{"Ports":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}],
              "443/tcp":null,"53/udp":[{"HostIp":"127.0.0.1","HostPort":"5353"}]}}}""".formatted(ID);
    static final String TOP = """
            {"Titles":["UID","PID","PPID","C","STIME","TTY","TIME","CMD"],
             "Processes":[["root","4242","4221","0","01:55","?","00:00:00","nginx: master process nginx -g daemon off;"],
              ["101","4290","4242","0","01:55","?","00:00:00","nginx: worker process"]]}""";
    static final String CHANGES = """
            [{"Path":"/etc","Kind":0},{"Path":"/etc/nginx/conf.d/default.conf","Kind":0},{"Path":"/tmp/new","Kind":1},
             {"Path":"/var/cache/old","Kind":2}]""";
    static final String HISTORY = """
            [{"Id":"sha256:af4709625109a5d2c4a1b8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3","Created":1728000000,
              "CreatedBy":"CMD [\\"sh\\"]","Tags":["busybox:latest"],"Size":0,"Comment":"buildkit.dockerfile.v0"},
             {"Id":"<missing>","Created":1727999990,
              "CreatedBy":"ADD busybox.tar.xz / # buildkit","Tags":null,"Size":4270000,"Comment":"buildkit.dockerfile.v0"}]""";

    private static FakeDaemon daemon() {
        FakeDaemon daemon = new FakeDaemon();
        for (String action : new String[] {"pause", "unpause", "rename"}) {
            daemon.on("POST", "/containers/*/" + action, FakeDaemon.noContent())
                    .on("POST", "/containers/nope/" + action, FakeDaemon.error(404, NO_SUCH));
        }
        return daemon
                .on("POST", "/containers/*/wait", FakeDaemon.json(200, "{\"StatusCode\":0}"))
                .on("POST", "/containers/job/wait", FakeDaemon.json(200, "{\"StatusCode\":3}"))
                .on("POST", "/containers/nope/wait", FakeDaemon.error(404, NO_SUCH))
                .on("GET", "/containers/*/json", FakeDaemon.json(200, WEB))
                .on("GET", "/containers/nope/json", FakeDaemon.error(404, NO_SUCH))
                .on("GET", "/containers/*/top", FakeDaemon.json(200, TOP))
                .on("GET", "/containers/*/changes", FakeDaemon.json(200, CHANGES))
                .on("GET", "/images/*/history", FakeDaemon.json(200, HISTORY))
                .on("POST", "/images/*/tag", FakeDaemon.json(201, ""))
                .on("POST", "/images/nope/tag", FakeDaemon.error(404, "No such image: nope:latest"))
                .on("POST", "/volumes/create", request -> FakeDaemon.json(201, "{\"Name\":\""
                        + (request.body().contains("\"Name\":\"data\"") ? "data"
                        : "3f9a1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8")
                        + "\",\"Driver\":\"local\",\"Mountpoint\":\"/var/lib/docker/volumes/data/_data\",\"Scope\":\"local\"}"))
                .on("DELETE", "/volumes/*", FakeDaemon.noContent())
                .on("DELETE", "/volumes/busy", FakeDaemon.error(409, "remove busy: volume is in use - [" + ID + "]"))
                .on("POST", "/networks/create", FakeDaemon.json(201,
                        "{\"Id\":\"1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809\",\"Warning\":\"\"}"))
                .on("DELETE", "/networks/*", FakeDaemon.noContent())
                .on("DELETE", "/networks/nope", FakeDaemon.error(404, "network nope not found"));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void pause() throws Exception {
        check("pause-names", "pause", "web", "nope");
    }

    @Test
    void unpause() throws Exception {
        check("unpause-names", "unpause", "web");
    }

    @Test
    void rename() throws Exception {
        check("rename-ok", "rename", "web", "site");
        check("rename-missing", "rename", "nope", "site");
    }

    @Test
    void waitStatuses() throws Exception {
        check("wait-statuses", "wait", "web", "job", "nope");
    }

    @Test
    void port() throws Exception {
        check("port-all", "port", "web");
        check("port-one", "port", "web", "80");
        check("port-unpublished", "port", "web", "443/tcp");
    }

    @Test
    void top() throws Exception {
        check("top-table", "top", "web");
    }

    @Test
    void diff() throws Exception {
        check("diff-changes", "diff", "web");
    }

    @Test
    void history() throws Exception {
        check("history-table", "history", "busybox");
        check("history-no-trunc-quiet", "history", "-q", "--no-trunc", "busybox");
    }

    @Test
    void tag() throws Exception {
        check("tag-ok", "tag", "busybox", "mybox:1.0");
        check("tag-missing", "tag", "nope", "mybox:1.0");
    }

    @Test
    void volumeCreateAndRm() throws Exception {
        check("volume-create-named", "volume", "create", "data");
        check("volume-create-anonymous", "volume", "create");
        check("volume-rm", "volume", "rm", "data", "busy");
    }

    @Test
    void networkCreateAndRm() throws Exception {
        check("network-create", "network", "create", "lesson-net");
        check("network-rm", "network", "rm", "lesson-net", "nope");
    }
}
