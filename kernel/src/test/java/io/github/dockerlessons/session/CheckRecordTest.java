package io.github.dockerlessons.session;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRecordTest {
    private static final List<CheckRecord.Fact> PASS = List.of(new CheckRecord.Fact("container web running", true, null));
    private static final List<CheckRecord.Fact> FAIL = List.of(new CheckRecord.Fact("container web running", false, "exited 0"));

    @Test
    void appendsCountsAttemptsAndNeverRewrites(@TempDir Path home) throws IOException {
        try (CheckRecord record = new CheckRecord(Map.of("HOME", home.toString(), "USER", "ann"), Clock.systemUTC())) {
            assertFalse(record.inClassroom());
            assertEquals(1, record.append("03.ipynb", "web", "c1", FAIL));
            String before = Files.readString(record.file());
            assertEquals(2, record.append("03.ipynb", "web", "c1", PASS));
            assertEquals(1, record.append("04.ipynb", "redis", null, FAIL));
            assertTrue(Files.readString(record.file()).startsWith(before), "earlier lines are kept as they were");
            assertEquals(3, Files.readAllLines(record.file()).size());
        }
        // A new kernel (a restart) reads what the earlier one recorded.
        try (CheckRecord again = new CheckRecord(Map.of("HOME", home.toString()), Clock.systemUTC())) {
            var latest = again.latest();
            assertEquals(2, latest.size());
            CheckRecord.Entry web = latest.values().iterator().next();
            assertTrue(web.passed());
            assertEquals(2, web.attempt());
            assertEquals(home.resolve(".docker-lessons/checks.jsonl"), again.file());
        }
    }

    @Test
    void aTornLineDoesNotHideTheOthers(@TempDir Path home) throws IOException {
        try (CheckRecord record = new CheckRecord(Map.of("HOME", home.toString()), Clock.systemUTC())) {
            record.append("l", "a", null, PASS);
            Files.writeString(record.file(), "{\"lesson\":\"l\",\"exerc", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            assertEquals(1, record.read().size());
        }
    }

    @Test
    void theRecordIsTheQueueUntilTheServiceAcknowledges(@TempDir Path home) throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(503);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/progress/api/checks", exchange -> {
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.createContext("/services/progress/api/solution", exchange -> {
            byte[] body = "{\"released\":false}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/services/progress/";
        Map<String, String> env = Map.of("HOME", home.toString(), "JUPYTERHUB_USER", "ann",
                "JUPYTERHUB_API_TOKEN", "secret", "DOCKER_LESSONS_PROGRESS_URL", url);
        try (CheckRecord record = new CheckRecord(env, Clock.systemUTC())) {
            assertTrue(record.inClassroom());
            record.append("03.ipynb", "web", "c1", FAIL);
            record.sendPending();
            waitFor(() -> !bodies.isEmpty()); // it tried to send (the check's own send runs in the background)
            Thread.sleep(100);
            assertTrue(tokens.stream().allMatch("token secret"::equals));
            // The service was away: nothing is acknowledged, so both lines go when it answers.
            status.set(200);
            bodies.clear();
            record.append("03.ipynb", "web", "c1", PASS);
            record.sendPending();
            waitFor(() -> bodies.stream().anyMatch(b -> b.lines().count() == 2));
            assertEquals("\"passed\":false", bodies.get(bodies.size() - 1).lines().findFirst().orElseThrow()
                    .replaceAll(".*(\"passed\":false).*", "$1"));
            Thread.sleep(200);
            bodies.clear();
            record.sendPending();
            Thread.sleep(200);
            assertTrue(bodies.isEmpty(), "what was acknowledged is not sent again: " + bodies);
            assertNull(record.solution("03.ipynb", "web").source());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAnswerAboutASolutionIsReadOnlySoFar(@TempDir Path home) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/services/progress/api/solution", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: as long as the server likes
            try (var out = exchange.getResponseBody()) {
                out.write("{\"released\":true,\"source\":\"".getBytes(StandardCharsets.UTF_8));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (int i = 0; i < 64; i++) { // 4 MiB
                    out.write(chunk);
                }
            } catch (IOException closed) {
                // the kernel stopped reading
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/services/progress/";
        Map<String, String> env = Map.of("HOME", home.toString(), "JUPYTERHUB_USER", "ann",
                "JUPYTERHUB_API_TOKEN", "secret", "DOCKER_LESSONS_PROGRESS_URL", url);
        try (CheckRecord record = new CheckRecord(env, Clock.systemUTC())) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> record.solution("03.ipynb", "web"));
            assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean());
    }
}
