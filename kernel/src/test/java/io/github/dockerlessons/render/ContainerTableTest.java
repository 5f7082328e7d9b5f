package io.github.dockerlessons.render;

import io.github.dockerlessons.api.ContainerSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerTableTest {

    private static ContainerSummary.Port port(String ip, int priv, int pub, String type) {
        return new ContainerSummary.Port(ip, priv, pub, type);
    }

    @Test
    void portsGroupRangesPerHostIpAsTheCliDoes() {
        ContainerSummary.Port[] ports = {
                port("0.0.0.0", 6379, 6379, "tcp"), port("::", 6379, 6379, "tcp"),
                port("0.0.0.0", 7000, 7000, "tcp"), port("::", 7000, 7000, "tcp"),
                port("0.0.0.0", 7001, 7001, "tcp"), port("::", 7001, 7001, "tcp"),
                port("127.0.0.1", 80, 8080, "udp")};
        assertEquals("0.0.0.0:6379->6379/tcp, [::]:6379->6379/tcp, 0.0.0.0:7000-7001->7000-7001/tcp, "
                + "[::]:7000-7001->7000-7001/tcp, 127.0.0.1:8080->80/udp", ContainerTable.ports(ports));
        assertEquals("6379/tcp", ContainerTable.ports(new ContainerSummary.Port[]{
                new ContainerSummary.Port(null, 6379, null, "tcp")}));
    }

    @Test
    void psTableMatchesTheCliByteForByte() throws Exception {
        ContainerSummary c = ContainerSummary.parse("""
                {"Id":"cd91568b33c3aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","Names":["/pr"],
                 "Image":"redis","Command":"redis-server --protected-mode no","Created":1000,
                 "State":"running","Status":"Up 5 seconds","Ports":[]}""");
        String text = ContainerTable.bundle(List.of(c), true, false, Instant.ofEpochSecond(1000), null).plainText();
        assertEquals("CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS         PORTS     NAMES\n"
                + "cd91568b33c3   redis     \"redis-server --prot…\"   Less than a second ago   Up 5 seconds             pr\n",
                text);
    }

    @Test
    void htmlColoursTheStatusAndEscapes() throws Exception {
        ContainerSummary c = ContainerSummary.parse("""
                {"Id":"abc","Names":["/<x>"],"Image":"busybox","Command":"false","Created":1,
                 "State":"exited","Status":"Exited (1) 2 minutes ago"}""");
        String html = (String) ContainerTable.bundle(List.of(c), true, false, Instant.ofEpochSecond(200), null)
                .data().get("text/html");
        assertTrue(html.contains("state-exited-error"), html);
        assertTrue(html.contains("&lt;x&gt;"), html);
    }

    @Test
    void aTimeFarInThePastOrFutureReadsAsGosLongestDuration() {
        Instant now = Instant.ofEpochSecond(1_733_450_400L);
        assertEquals("292 years ago", ContainerTable.created(Long.MAX_VALUE, now),
                "the CLI's words: Go's time.Unix wraps, and Sub saturates");
        assertEquals("Less than a second ago", ContainerTable.created(100_000_000_000_000_000L, now));
        assertEquals("292 years ago", ContainerTable.created(-1_000_000_000_000_000L, now));
        assertEquals("", ContainerFields.goTime(Long.MAX_VALUE));
    }
}
