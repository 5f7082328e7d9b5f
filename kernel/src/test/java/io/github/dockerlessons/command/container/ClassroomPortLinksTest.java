package io.github.dockerlessons.command.container;

import io.github.dockerlessons.engine.LocalMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a classroom the port links open through the student's own server (/user/NAME/proxy/PORT/). */
class ClassroomPortLinksTest {
    private static LocalMachine machine(Map<String, String> env) {
        return new LocalMachine(env, Path.of("/home/s"), LocalMachine.OperatingSystem.LINUX, OptionalInt.of(1000),
                p -> true);
    }

    private static final Map<String, String> CLASSROOM = Map.of(
            "JUPYTERHUB_SERVICE_PREFIX", "/user/student1/",
            "DOCKER_CLASSROOM_PORTS_SOCKET", "/run/user/1000/docker-ports.sock");

    @Test
    void aClassroomsLinksGoThroughTheStudentsServer() {
        assertEquals("/user/student1/proxy/8080/",
                PublishedPorts.url(machine(CLASSROOM), "unix:///run/user/1000/docker.sock", 8080));
        assertEquals(Path.of("/run/user/1000/docker-ports.sock"),
                PublishedPorts.classroomDialer(machine(CLASSROOM), "unix:///run/user/1000/docker.sock"));
        String html = (String) PublishedPorts.links(List.of("/user/student1/proxy/8080/")).data().get("text/html");
        assertTrue(html.contains("href=\"/user/student1/proxy/8080/\""), html);
    }

    @Test
    void elsewhereTheyStayOnTheEnginesHost() {
        // Another hub (no classroom dialer), a desktop, and a remote engine named by the student.
        assertEquals("http://127.0.0.1:8080",
                PublishedPorts.url(machine(Map.of("JUPYTERHUB_SERVICE_PREFIX", "/user/x/")), "unix:///var/run/docker.sock", 8080));
        assertEquals("http://127.0.0.1:8080", PublishedPorts.url(machine(Map.of()), "unix:///var/run/docker.sock", 8080));
        assertEquals("http://10.0.0.5:8080", PublishedPorts.url(machine(CLASSROOM), "tcp://10.0.0.5:2375", 8080));
        assertNull(PublishedPorts.classroomDialer(machine(CLASSROOM), "tcp://10.0.0.5:2375"));
    }

    @Test
    void theCheckAsksTheDialerWhetherThePortAnswers(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("ports.sock");
        AtomicReference<String> asked = new AtomicReference<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread dialer = new Thread(() -> {
                for (String answer : List.of("ok\n", "error Connection refused\n")) {
                    try (SocketChannel client = server.accept()) {
                        ByteBuffer request = ByteBuffer.allocate(64);
                        client.read(request);
                        asked.set(new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII));
                        client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            dialer.start();
            assertNull(PortDialer.probe(socket, 8080, Duration.ofSeconds(5)));
            assertEquals("probe 8080\n", asked.get());
            assertEquals("Connection refused", PortDialer.probe(socket, 8081, Duration.ofSeconds(5)));
            dialer.join(5000);
        }
        Map<String, String> gone = Map.of("JUPYTERHUB_SERVICE_PREFIX", "/user/s/",
                "DOCKER_CLASSROOM_PORTS_SOCKET", dir.resolve("no-dialer.sock").toString());
        assertFalse(PublishedPorts.answersInClassroom(machine(gone), "unix:///x.sock", 8080));
    }
}
