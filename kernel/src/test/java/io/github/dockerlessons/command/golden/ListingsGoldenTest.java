package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** images, volume ls and network ls against a fake daemon (golden/{images,volume-ls,network-ls}-*.golden). */
class ListingsGoldenTest {
    /** As the daemon lists them: newest first. */
    static final String IMAGES = """
            [{"Id":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","ParentId":"",
              "RepoTags":null,"RepoDigests":null,"Created":1733443200,"Size":1234,"SharedSize":-1,"VirtualSize":1234,
              "Labels":null,"Containers":-1},
             {"Id":"sha256:1e5c3c6b8e0a6e2f3c1b9a1d8f7e6d5c4b3a29180716f5e4d3c2b1a098765432","ParentId":"",
              "RepoTags":["nginx:alpine"],"RepoDigests":["nginx@sha256:41523187cf7d7a2f2677a80609d9caa14388bf5c1fbca9c410ba3de602aaaab4"],
              "Created":1733356800,"Size":52500000,"SharedSize":-1,"VirtualSize":52500000,"Labels":null,"Containers":-1},
             {"Id":"sha256:af4709625109a5d2c4a1b8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3","ParentId":"",
              "RepoTags":["busybox:latest"],"RepoDigests":["busybox@sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5"],
              "Created":1728000000,"Size":4270000,"SharedSize":-1,"VirtualSize":4270000,"Labels":null,"Containers":-1}]
            """;
    static final String VOLUMES = """
            {"Volumes":[{"Name":"data","Driver":"local","Mountpoint":"/var/lib/docker/volumes/data/_data",
              "Labels":{"lesson":"1"},"Scope":"local","Options":null,"CreatedAt":"2024-12-06T01:00:00Z"},
             {"Name":"3f9a1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8","Driver":"local",
              "Mountpoint":"/var/lib/docker/volumes/3f9a/_data","Labels":null,"Scope":"local","Options":null,
              "CreatedAt":"2024-12-06T01:30:00Z"}],"Warnings":null}
            """;
    static final String NETWORKS = """
            [{"Name":"bridge","Id":"f2de39df4171b0dc801e8002d1d999b77256983dfc63041c0f34030aa3977566",
              "Created":"2024-12-06T00:00:00Z","Scope":"local","Driver":"bridge","EnableIPv6":false,"Internal":false,
              "Attachable":false,"Ingress":false,"Labels":{}},
             {"Name":"host","Id":"8fe4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e","Created":"2024-12-06T00:00:00Z",
              "Scope":"local","Driver":"host","EnableIPv6":false,"Internal":false,"Attachable":false,"Ingress":false,"Labels":{}},
             {"Name":"lesson-net","Id":"1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809","Created":"2024-12-06T01:00:00Z",
              "Scope":"local","Driver":"bridge","EnableIPv6":false,"Internal":false,"Attachable":false,"Ingress":false,
              "Labels":{"lesson":"1"}}]
            """;

    private static FakeDaemon daemon() {
        return new FakeDaemon().on("GET", "/images/json", FakeDaemon.json(200, IMAGES))
                .on("GET", "/volumes", FakeDaemon.json(200, VOLUMES))
                .on("GET", "/networks", FakeDaemon.json(200, NETWORKS));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void images() throws Exception {
        check("images-table", "images");
    }

    @Test
    void imagesQuiet() throws Exception {
        check("images-quiet", "images", "-q");
    }

    @Test
    void imagesDigests() throws Exception {
        check("images-digests", "images", "--digests");
    }

    @Test
    void imagesNoTrunc() throws Exception {
        check("images-no-trunc", "images", "--no-trunc");
    }

    @Test
    void imagesFormat() throws Exception {
        check("images-format", "images", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}");
    }

    @Test
    void imagesFormatJson() throws Exception {
        check("images-format-json", "images", "--format", "json");
    }

    @Test
    void theImageArgumentIsOneMoreReferenceFilterAsTheClisIs() throws Exception {
        FakeDaemon daemon = daemon();
        CommandRun.run(daemon, "images", "nginx", "--filter", "reference=busy*");
        String query = URLDecoder.decode(daemon.requests().get(0).query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("\"reference\":[\"busy*\",\"nginx\"]"), query);
    }

    @Test
    void filtersAreReadAsDockerClisFilterOptReadsThem() throws Exception {
        FakeDaemon daemon = new FakeDaemon().on("GET", "/containers/json", FakeDaemon.json(200, "[]"));
        CommandRun.run(daemon, "ps", "--filter", " Status = exited ", "--filter", "", "--filter", "=x");
        String query = URLDecoder.decode(daemon.requests().get(0).query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("filters={\"status\":[\"exited\"],\"\":[\"x\"]}"), query);
    }

    @Test
    void aRefusalWithAnEmptyBodyIsSaidInTheGoClientsWords() throws Exception {
        CommandRun run = CommandRun.run(new FakeDaemon().on("GET", "/containers/json",
                FakeDaemon.bytes(500, "application/json", new byte[0])), "ps");
        assertTrue(run.transcript().contains("request returned Internal Server Error for API route and version "
                + "/containers/json, check if the server supports the requested API version"), run.transcript());
        assertTrue(!run.transcript().contains("Error response from daemon"), run.transcript());
    }

    @Test
    void volumeLs() throws Exception {
        check("volume-ls-table", "volume", "ls");
    }

    @Test
    void volumeLsQuiet() throws Exception {
        check("volume-ls-quiet", "volume", "ls", "-q");
    }

    @Test
    void volumeLsFormat() throws Exception {
        check("volume-ls-format", "volume", "ls", "--format", "table {{.Name}}\t{{.Labels}}");
    }

    @Test
    void networkLs() throws Exception {
        check("network-ls-table", "network", "ls");
    }

    @Test
    void networkLsQuiet() throws Exception {
        check("network-ls-quiet", "network", "ls", "-q");
    }

    @Test
    void networkLsNoTrunc() throws Exception {
        check("network-ls-no-trunc", "network", "ls", "--no-trunc");
    }

    @Test
    void networkLsFormat() throws Exception {
        check("network-ls-format", "network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
    }
}
