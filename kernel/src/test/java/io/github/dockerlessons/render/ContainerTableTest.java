package io.github.dockerlessons.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ContainerPort port(String ip, int priv, int pub, String type) {
        return new ContainerPort().withIp(ip).withPrivatePort(priv).withPublicPort(pub).withType(type);
    }

    @Test
    void portsGroupRangesPerHostIpAsTheCliDoes() {
        ContainerPort[] ports = {
                port("0.0.0.0", 6379, 6379, "tcp"), port("::", 6379, 6379, "tcp"),
                port("0.0.0.0", 7000, 7000, "tcp"), port("::", 7000, 7000, "tcp"),
                port("0.0.0.0", 7001, 7001, "tcp"), port("::", 7001, 7001, "tcp"),
                port("127.0.0.1", 80, 8080, "udp")};
        assertEquals("0.0.0.0:6379->6379/tcp, [::]:6379->6379/tcp, 0.0.0.0:7000-7001->7000-7001/tcp, "
                + "[::]:7000-7001->7000-7001/tcp, 127.0.0.1:8080->80/udp", ContainerTable.ports(ports));
        assertEquals("6379/tcp", ContainerTable.ports(new ContainerPort[]{
                new ContainerPort().withPrivatePort(6379).withType("tcp")}));
    }

    @Test
    void psTableMatchesTheCliByteForByte() throws Exception {
        Container c = JSON.readValue("""
                {"Id":"cd91568b33c3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","Names":["/pr"],
                 "Image":"redis","Command":"redis-server --protected-mode no","Created":1000,
                 "State":"running","Status":"Up 5 seconds","Ports":[]}""", Container.class);
        String text = ContainerTable.bundle(List.of(c), true, false, Instant.ofEpochSecond(1000), null).plainText();
        assertEquals("CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS         PORTS     NAMES\n"
                + "cd91568b33c3   redis     \"redis-server --prot…\"   Less than a second ago   Up 5 seconds             pr\n",
                text);
    }

    @Test
    void htmlColoursTheStatusAndEscapes() throws Exception {
        Container c = JSON.readValue("""
                {"Id":"abc","Names":["/<x>"],"Image":"busybox","Command":"false","Created":1,
                 "State":"exited","Status":"Exited (1) 2 minutes ago"}""", Container.class);
        String html = (String) ContainerTable.bundle(List.of(c), true, false, Instant.ofEpochSecond(200), null)
                .data().get("text/html");
        assertTrue(html.contains("state-exited-error"), html);
        assertTrue(html.contains("&lt;x&gt;"), html);
    }
}
