package io.github.dockerlessons.portforward;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which ports the cluster's forwarder listens on, and which tasks take the connections (engine 20.10's answers). */
class ServiceMeshTest {
    @Test
    void tcpPortsPublishedThroughTheRoutingMesh() {
        String services = "[{\"ID\":\"web1\",\"Endpoint\":{\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,"
                + "\"PublishedPort\":8080,\"PublishMode\":\"ingress\"},{\"Protocol\":\"udp\",\"TargetPort\":53,"
                + "\"PublishedPort\":5353,\"PublishMode\":\"ingress\"}]}},"
                + "{\"ID\":\"host1\",\"Endpoint\":{\"Ports\":[{\"Protocol\":\"tcp\",\"TargetPort\":80,"
                + "\"PublishedPort\":9090,\"PublishMode\":\"host\"}]}},"
                + "{\"ID\":\"quiet\",\"Endpoint\":{}},{\"ID\":\"db\",\"Endpoint\":{\"Ports\":[{\"Protocol\":\"tcp\","
                + "\"TargetPort\":6379,\"PublishedPort\":6380,\"PublishMode\":\"ingress\"}]}}]";
        assertEquals(Map.of(8080, "web1:80", 6380, "db:6379"), ServiceMesh.publishedPorts(JsonParser.parseString(services)));
    }

    @Test
    void noSwarmNoPorts() {
        assertEquals(Map.of(), ServiceMesh.publishedPorts(JsonParser.parseString(
                "{\"message\":\"This node is not a swarm manager.\"}")));
    }

    @Test
    void theIngressAddressesOfRunningTasks() {
        String ingress = "{\"Network\":{\"Spec\":{\"Name\":\"ingress\",\"Ingress\":true}},\"Addresses\":[\"%s/24\"]}";
        String overlay = "{\"Network\":{\"Spec\":{\"Name\":\"lessnet\"}},\"Addresses\":[\"10.0.1.3/24\"]}";
        String tasks = "[{\"Status\":{\"State\":\"running\"},\"NetworksAttachments\":[" + overlay + ","
                + ingress.formatted("10.0.0.6") + "]},"
                + "{\"Status\":{\"State\":\"starting\"},\"NetworksAttachments\":[" + ingress.formatted("10.0.0.7") + "]},"
                + "{\"Status\":{\"State\":\"running\"},\"NetworksAttachments\":[" + ingress.formatted("10.0.0.8") + "]},"
                + "{\"Status\":{\"State\":\"running\"}}]";
        assertEquals(List.of("10.0.0.6", "10.0.0.8"), ServiceMesh.taskAddresses(JsonParser.parseString(tasks)));
    }
}
