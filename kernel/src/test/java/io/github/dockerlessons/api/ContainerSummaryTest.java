package io.github.dockerlessons.api;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerSummaryTest {
    private static List<ContainerSummary> read(String json) {
        return ContainerSummary.listing(JsonParser.parseString(json));
    }

    @Test
    void readsEveryFieldOfTheApisSummary() {
        ContainerSummary c = read("""
                [{"Id":"cd91","Names":["/web"],"Image":"nginx","ImageID":"sha256:aa","Command":"nginx -g","Created":7,
                  "State":"running","Status":"Up 1 second","SizeRw":2,"SizeRootFs":9,
                  "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
                  "Labels":{"b":"2","a":"1"},"Mounts":[{"Type":"volume","Name":"data","Source":"/v","Destination":"/d",
                  "Driver":"local"}],"NetworkSettings":{"Networks":{"bridge":{},"lesson":{}}}}]""").get(0);
        assertEquals("cd91", c.getId());
        assertArrayEquals(new String[]{"/web"}, c.getNames());
        assertEquals("nginx", c.getImage());
        assertEquals("sha256:aa", c.getImageId());
        assertEquals("nginx -g", c.getCommand());
        assertEquals(7L, c.getCreated());
        assertEquals("running", c.getState());
        assertEquals("Up 1 second", c.getStatus());
        assertEquals(2L, c.getSizeRw());
        assertEquals(9L, c.getSizeRootFs());
        assertEquals(new ContainerSummary.Port("0.0.0.0", 80, 8080, "tcp"), c.getPorts()[0]);
        assertEquals(new ContainerSummary.Port(null, 443, null, "tcp"), c.getPorts()[1]);
        assertEquals(List.of("b", "a"), List.copyOf(c.getLabels().keySet()), "the answer's order");
        assertEquals(new ContainerSummary.Mount("volume", "data", "/v", "/d", "local"), c.getMounts().get(0));
        assertEquals(List.of("bridge", "lesson"), c.getNetworkNames());
    }

    @Test
    void aFieldLeftOutIsNullAsInDockerJavasModel() {
        ContainerSummary c = read("[{\"Id\":\"x\",\"Names\":null,\"Labels\":null}]").get(0);
        assertNull(c.getNames());
        assertNull(c.getLabels());
        assertNull(c.getPorts());
        assertNull(c.getMounts());
        assertNull(c.getCreated());
        assertEquals(List.of(), c.getNetworkNames());
    }

    @Test
    void aNullAnswerIsAnEmptyListingAsInGo() {
        assertEquals(List.of(), read("null"));
    }

    @Test
    void aFieldOfAnotherTypeIsAnAnswerOfTheWrongShapeReadOnTheCallsThread() {
        // every one fails while the answer is read (the gateway names the request), never later in a
        // table or in a command that acts on the container; Go's decoder refuses most of them too
        for (String wrong : List.of("{\"x\":1}", "[1]", "[null]", "[{}]", "[{\"Id\":\"a\",\"Names\":\"web\"}]",
                "[{\"Id\":\"a\",\"Created\":\"yesterday\"}]", "[{\"Id\":\"a\",\"Created\":\"1700000000\"}]",
                "[{\"Id\":\"a\",\"Created\":1700000000.5}]", "[{\"Id\":\"a\",\"Created\":1e30}]",
                "[{\"Id\":12}]", "[{\"Id\":\"a\",\"Names\":[1]}]", "[{\"Id\":\"a\",\"Labels\":{\"a\":1}}]",
                "[{\"Id\":\"a\",\"State\":{}}]", "[{\"Id\":\"a\",\"Ports\":{}}]",
                "[{\"Id\":\"a\",\"Ports\":[{\"PrivatePort\":99999999999}]}]",
                "[{\"Id\":\"a\",\"Ports\":[{\"PublicPort\":-5}]}]", "[{\"Id\":\"a\",\"Labels\":[]}]",
                "[{\"Id\":\"a\",\"NetworkSettings\":[]}]")) {
            assertThrows(JsonParseException.class, () -> read(wrong), wrong);
        }
    }

    @Test
    void theListingsQueryIsTheApisAndTheFiltersAreJsonUnescaped() {
        assertEquals("/containers/json", ApiQuery.of("/containers/json").filters(Map.of()).toString());
        String query = ApiQuery.of("/containers/json").add("all", "1")
                .filters(Map.of("label", List.of("com.docker.compose.project=web"))).toString();
        assertEquals("/containers/json?all=1&filters=%7B%22label%22%3A%5B%22com.docker.compose.project%3Dweb%22%5D%7D",
                query);
        assertTrue(!query.contains("u003d"), "no HTML escaping of '='");
    }
}
