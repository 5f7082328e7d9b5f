package io.github.dockerlessons.command.system;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** system df -v's tables from an engine answer, as docker/cli's verboseWriteTable prints them (issue 23). */
class SystemDfVerboseTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);

    @Test
    void firstTagOnlyDanglingAsNoneWritableLayerOnlyAndUnknownUsage() {
        String df = """
                {"LayersSize": 3000000,
                 "Images": [
                  {"Id": "sha256:5aa39380983567cca0e15ab3807d69a15481fa9cbb6255547fee28851f8f32c9", "Created": 1699999990,
                   "RepoTags": ["docker.io/library/registry:latest", "registry:2"], "Size": 22850000, "SharedSize": 0,
                   "Containers": 1},
                  {"Id": "sha256:1fb2b74f5943d2f4642cac26e30d88e9263ad735c2e273954d9f6d80a8290a51", "Created": 1690000000,
                   "RepoTags": ["<none>:<none>"], "Size": 1984000, "SharedSize": -1, "Containers": 0}],
                 "Containers": [
                  {"Id": "5072e0ac4c95aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Names": ["/web"],
                   "Image": "busybox", "ImageID": "sha256:f686", "Command": "sh -c 'echo hello > /x; sleep 600'",
                   "Created": 1699999999, "State": "running", "Status": "Up 1 second", "SizeRw": 6, "SizeRootFs": 1984006,
                   "Mounts": [{"Type": "volume"}, {"Type": "bind"}, {"Type": "volume"}]}],
                 "Volumes": [{"Name": "data", "UsageData": {"Size": 2048, "RefCount": 1}}, {"Name": "gone"}],
                 "BuildCache": [
                  {"ID": "aaaaaaaaaaaaaaaaaaaa", "Type": "regular", "Size": 1000, "CreatedAt": "2023-11-14T22:00:00Z",
                   "LastUsedAt": "2023-11-14T22:10:00Z", "UsageCount": 2, "Shared": true},
                  {"ID": "bbbbbbbbbbbbbbbbbbbb", "Type": "source.local", "Size": 500, "CreatedAt": "2023-11-14T22:00:00Z",
                   "LastUsedAt": "2023-11-14T22:12:00Z", "UsageCount": 1, "Shared": false}]}
                """;
        assertEquals("""
                Images space usage:

                REPOSITORY   TAG       IMAGE ID       CREATED          SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS
                registry     latest    5aa393809835   10 seconds ago   22.9MB    0B            22.85MB       1
                <none>       <none>    1fb2b74f5943   3 months ago     1.98MB    N/A           N/A           0

                Containers space usage:

                CONTAINER ID   IMAGE     COMMAND                  LOCAL VOLUMES   SIZE      CREATED        STATUS        NAMES
                5072e0ac4c95   busybox   "sh -c 'echo hello >…"   2               6B        1 second ago   Up 1 second   web

                Local Volumes space usage:

                VOLUME NAME   LINKS     SIZE
                data          1         2.048kB
                gone          N/A       N/A

                Build cache usage: 1.5kB

                CACHE ID       CACHE TYPE     SIZE      CREATED          LAST USED            USAGE     SHARED
                bbbbbbbbbbbb   source.local   500B      13 minutes ago   About a minute ago   1         false
                aaaaaaaaaaaa   regular        1kB       13 minutes ago   3 minutes ago        2         true
                """, SystemDfVerbose.text(JsonParser.parseString(df).getAsJsonObject(), NOW));
    }
}
