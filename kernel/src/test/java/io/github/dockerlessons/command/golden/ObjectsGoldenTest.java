package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

/**
 * volume inspect, network inspect/connect/disconnect, container, image, network, volume and system prune, commit and
 * system df against a fake daemon (golden/<command>-*.golden).
 */
class ObjectsGoldenTest {
    static final String ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    static final String VOLUME = """
            {"CreatedAt":"2024-12-06T01:00:00Z","Driver":"local","Labels":{"lesson":"1"},
             "Mountpoint":"/var/lib/docker/volumes/data/_data","Name":"data","Options":null,"Scope":"local"}""";
    static final String NETWORK = """
            {"Name":"lesson-net","Id":"1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
             "Created":"2024-12-06T01:00:00.000000000Z","Scope":"local","Driver":"bridge","EnableIPv6":false,
             "IPAM":{"Driver":"default","Options":{},"Config":[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]},
             "Internal":false,"Attachable":false,"Ingress":false,"Containers":{},"Options":{},"Labels":{}}""";
    static final String CONTAINER_PRUNE = """
            {"ContainersDeleted":["%s","9a8b7c6d5e4f30211203f4e5d6c7b8a99988776655443322110ffeeddccbbaa9"],
             "SpaceReclaimed":1536}""".formatted(ID);
    static final String IMAGE_PRUNE = """
            {"ImagesDeleted":[{"Untagged":"old:latest"},
              {"Deleted":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}],
             "SpaceReclaimed":52500000}""";
    static final String DF = """
            {"LayersSize":56770000,
             "Images":[{"Id":"sha256:1e5c3c6b8e0a","ParentId":"","RepoTags":["nginx:alpine"],"RepoDigests":[],
               "Created":1733356800,"Size":52500000,"SharedSize":0,"Labels":{},"Containers":1},
              {"Id":"sha256:af4709625109","ParentId":"","RepoTags":["busybox:latest"],"RepoDigests":[],
               "Created":1728000000,"Size":4270000,"SharedSize":0,"Labels":{},"Containers":0}],
             "Containers":[{"Id":"%s","Names":["/web"],"Image":"nginx:alpine","ImageID":"sha256:1e5c3c6b8e0a",
               "Command":"nginx","Created":1733450100,"Ports":[],"SizeRw":1093,"SizeRootFs":52501093,"Labels":{},
               "State":"running","Status":"Up 5 minutes","HostConfig":{"NetworkMode":"bridge"},
               "NetworkSettings":{"Networks":{}},"Mounts":[]}],
             "Volumes":[{"CreatedAt":"2024-12-06T01:00:00Z","Driver":"local","Labels":null,"Mountpoint":"/x",
               "Name":"data","Options":null,"Scope":"local","UsageData":{"RefCount":0,"Size":2048}}],
             "BuildCache":[]}""".formatted(ID);

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("GET", "/volumes/*", FakeDaemon.error(404, "get nope: no such volume"))
                .on("GET", "/volumes/data", FakeDaemon.json(200, VOLUME))
                .on("GET", "/networks/*", FakeDaemon.error(404, "network nope not found"))
                .on("GET", "/networks/lesson-net", FakeDaemon.json(200, NETWORK))
                .on("POST", "/networks/*/connect", FakeDaemon.json(200, ""))
                .on("POST", "/networks/*/disconnect", FakeDaemon.json(200, ""))
                .on("POST", "/networks/nope/connect", FakeDaemon.error(404, "network nope not found"))
                .on("POST", "/containers/prune", FakeDaemon.json(200, CONTAINER_PRUNE))
                .on("POST", "/images/prune", FakeDaemon.json(200, IMAGE_PRUNE))
                .on("POST", "/commit", FakeDaemon.json(201,
                        "{\"Id\":\"sha256:5d0da3dc976460b72c77d94c8a1ad043720b0416bfc16c52c45d4847e53fadb6\"}"))
                .on("GET", "/system/df", FakeDaemon.json(200, DF))
                .on("POST", "/networks/prune", FakeDaemon.json(200, "{\"NetworksDeleted\":[\"lesson-net\"]}"))
                // the lessons' engine (Debian's docker.io) speaks API 1.41: volume prune -a needs 1.42
                .on("GET", "/version", FakeDaemon.json(200, "{\"ApiVersion\":\"1.41\",\"Version\":\"20.10.24\"}"))
                .on("POST", "/volumes/prune", FakeDaemon.json(200,
                        "{\"VolumesDeleted\":[\"data\",\"cache\"],\"SpaceReclaimed\":2048}"))
                .on("POST", "/build/prune", FakeDaemon.json(200,
                        "{\"CachesDeleted\":[\"k1x2c3\"],\"SpaceReclaimed\":2048}"));
    }

    private static void check(String golden, String... argv) throws Exception {
        Golden.assertMatches(golden, CommandRun.run(daemon(), argv).transcript());
    }

    @Test
    void volumeInspect() throws Exception {
        check("volume-inspect", "volume", "inspect", "data");
        check("volume-inspect-format", "volume", "inspect", "-f", "{{.Name}} {{.Driver}} {{.Labels}}", "data");
        check("volume-inspect-missing", "volume", "inspect", "nope");
    }

    @Test
    void networkInspect() throws Exception {
        check("network-inspect", "network", "inspect", "lesson-net");
        check("network-inspect-format", "network", "inspect", "--format",
                "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}", "lesson-net");
        check("network-inspect-missing", "network", "inspect", "nope");
    }

    @Test
    void networkConnectDisconnect() throws Exception {
        check("network-connect", "network", "connect", "lesson-net", "web");
        check("network-connect-missing", "network", "connect", "nope", "web");
        check("network-disconnect", "network", "disconnect", "lesson-net", "web");
    }

    @Test
    void containerPrune() throws Exception {
        check("container-prune", "container", "prune", "-f");
    }

    @Test
    void imagePrune() throws Exception {
        check("image-prune", "image", "prune", "-f");
    }

    @Test
    void systemPrune() throws Exception {
        check("system-prune", "system", "prune", "-f");
    }

    @Test
    void networkPrune() throws Exception {
        check("network-prune", "network", "prune", "-f");
        check("network-prune-filter", "network", "prune", "-f", "--filter", "until=24h");
        check("network-prune-bad-filter", "network", "prune", "-f", "--filter", "nonsense");
    }

    @Test
    void volumePrune() throws Exception {
        check("volume-prune", "volume", "prune", "-f");
        check("volume-prune-all", "volume", "prune", "-a", "-f");
    }

    @Test
    void commit() throws Exception {
        check("commit-id", "commit", "web", "mysite:v1");
    }

    @Test
    void systemDf() throws Exception {
        check("system-df", "system", "df");
    }
}
