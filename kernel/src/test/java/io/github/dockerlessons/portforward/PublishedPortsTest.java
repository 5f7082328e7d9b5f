package io.github.dockerlessons.portforward;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which host ports the forwarder listens on, read from the engine's container list. */
class PublishedPortsTest {
    @Test
    void everyPublishedTcpPortOnceReachedAtLoopbackUnlessBoundToAnAddress() {
        String containers = "[{\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},"
                + "{\"IP\":\"::\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"},"
                + "{\"PrivatePort\":443,\"Type\":\"tcp\"},"
                + "{\"IP\":\"0.0.0.0\",\"PrivatePort\":53,\"PublicPort\":5353,\"Type\":\"udp\"}]},"
                + "{\"Ports\":[{\"IP\":\"127.0.0.1\",\"PrivatePort\":80,\"PublicPort\":3000,\"Type\":\"tcp\"}]},"
                + "{\"Ports\":[{\"IP\":\"10.0.0.7\",\"PrivatePort\":80,\"PublicPort\":3001,\"Type\":\"tcp\"}]},"
                + "{\"Ports\":[]}]";
        assertEquals(Map.of(8080, "127.0.0.1", 3000, "127.0.0.1", 3001, "10.0.0.7"),
                PortForwarder.publishedPorts(JsonParser.parseString(containers)));
    }
}
