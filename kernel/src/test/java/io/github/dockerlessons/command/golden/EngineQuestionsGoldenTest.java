package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

/**
 * update, search and events against a fake daemon: a registry's results and a JSON stream
 * (golden/<command>-*.golden).
 */
class EngineQuestionsGoldenTest {
    static final String ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    static final String SEARCH = """
            [{"star_count":20000,"is_official":true,"name":"nginx","is_automated":false,
              "description":"Official build of Nginx."},
             {"star_count":120,"is_official":false,"name":"bitnami/nginx","is_automated":false,
              "description":"Bitnami container image for NGINX"}]""";
    static final String EVENTS = """
            {"status":"create","id":"%1$s","from":"busybox","Type":"container","Action":"create",
             "Actor":{"ID":"%1$s","Attributes":{"image":"busybox","name":"job"}},"scope":"local",
             "time":1733450100,"timeNano":1733450100000000000}
            {"status":"start","id":"%1$s","from":"busybox","Type":"container","Action":"start",
             "Actor":{"ID":"%1$s","Attributes":{"image":"busybox","name":"job"}},"scope":"local",
             "time":1733450101,"timeNano":1733450101123456789}
            """.formatted(ID).replace(",\n ", ",");

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("POST", "/containers/*/update", FakeDaemon.json(200, "{\"Warnings\":[]}"))
                .on("POST", "/containers/nope/update", FakeDaemon.error(404, "No such container: nope"))
                .on("GET", "/images/search", FakeDaemon.json(200, SEARCH))
                .on("GET", "/events", FakeDaemon.bytes(200, "application/json", EVENTS.getBytes(StandardCharsets.UTF_8)));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void update() throws Exception {
        check("update-names", "update", "--memory", "64m", "web", "nope");
    }

    @Test
    void search() throws Exception {
        check("search-table", "search", "nginx");
    }

    @Test
    void events() throws Exception {
        check("events-until", "events", "--since", "1733450000", "--until", "1733450200");
    }
}
