package io.github.dockerlessons.session;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The student's own record of every {@code %%check}: one JSON line per check, appended to
 * {@code ~/.docker-lessons/checks.jsonl} and never rewritten, so a kernel restart (or a lost
 * connection) loses nothing and {@code %score} reads it back. In a classroom
 * ({@code DOCKER_LESSONS_PROGRESS_URL} and the server's {@code JUPYTERHUB_API_TOKEN} in the
 * environment) the lines are also posted to the progress service; the record is the queue: a
 * second file holds how many of its bytes the service has acknowledged, and what is past that
 * offset is sent again after the next check or on a timer. The service keeps each line's id once,
 * so a line sent twice counts once.
 */
final class CheckRecord implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("DockerKernel.CheckRecord");
    /** Bounds a single post, so one huge record is sent in pieces and never held whole. */
    private static final int BATCH_BYTES = 256 * 1024;
    private static final Duration RETRY = Duration.ofSeconds(15);

    /** One check as recorded. */
    record Entry(String lesson, String exercise, boolean passed, int attempt, String time, String source) {
        String key() {
            return lesson + "\u0000" + exercise;
        }
    }

    /** A fact's verdict as recorded. */
    record Fact(String fact, boolean holds, String found) { }

    /** The largest answer about a solution that is read (the service's limit on a posted body, 1 MiB). */
    static final int MAX_SOLUTION_ANSWER = 1 << 20;

    private final Path file;
    private final Path sentFile;
    private final String student;
    private final URI progress;
    private final String token;
    private final Clock clock;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final Object writeLock = new Object();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final ScheduledExecutorService sender;
    private final HttpClient http;

    CheckRecord(Map<String, String> env, Clock clock) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path dir = Path.of(env.getOrDefault("DOCKER_LESSONS_RECORD_DIR", Path.of(home, ".docker-lessons").toString()));
        this.file = dir.resolve("checks.jsonl");
        this.sentFile = dir.resolve("checks.sent");
        this.student = env.getOrDefault("JUPYTERHUB_USER", env.getOrDefault("USER", ""));
        String url = env.get("DOCKER_LESSONS_PROGRESS_URL");
        this.token = env.get("JUPYTERHUB_API_TOKEN");
        this.progress = url == null || url.isBlank() || token == null ? null
                : URI.create(url.endsWith("/") ? url : url + "/");
        this.clock = clock;
        if (progress != null) {
            // HTTP/1.1: the default (HTTP/2) sends a plain-http request with "Upgrade: h2c", which the
            // hub's proxy answers by closing the connection (curl --http2 gets no answer either).
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(3)).build();
            this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "check-record-sender");
                t.setDaemon(true);
                return t;
            });
            // What an earlier kernel could not send goes now, and again while the service is away.
            sender.scheduleWithFixedDelay(this::sendPending, 0, RETRY.toSeconds(), TimeUnit.SECONDS);
        } else {
            this.http = null;
            this.sender = null;
        }
    }

    Path file() {
        return file;
    }

    boolean inClassroom() {
        return progress != null;
    }

    /** A check's facts as the record and the server's check runner write them ({@code found} where something was). */
    static JsonArray toJson(List<Fact> facts) {
        JsonArray array = new JsonArray();
        for (Fact fact : facts) {
            JsonObject f = new JsonObject();
            f.addProperty("fact", fact.fact());
            f.addProperty("holds", fact.holds());
            if (fact.found() != null) {
                f.addProperty("found", fact.found());
            }
            array.add(f);
        }
        return array;
    }

    /** Appends one check's result; returns its attempt number (1 for the first try of that exercise). */
    int append(String lesson, String exercise, String cellId, List<Fact> facts) throws IOException {
        synchronized (writeLock) {
            int attempt = 1 + (int) read().stream()
                    .filter(e -> e.lesson().equals(lesson) && e.exercise().equals(exercise) && e.source().equals("kernel"))
                    .count();
            JsonObject line = new JsonObject();
            line.addProperty("id", UUID.randomUUID().toString());
            line.addProperty("student", student);
            line.addProperty("lesson", lesson);
            line.addProperty("exercise", exercise);
            if (cellId != null) {
                line.addProperty("cell_id", cellId);
            }
            line.addProperty("passed", facts.stream().allMatch(Fact::holds));
            line.add("facts", toJson(facts));
            line.addProperty("attempt", attempt);
            line.addProperty("time", Instant.now(clock).toString());
            line.addProperty("source", "kernel");
            Files.createDirectories(file.getParent());
            byte[] bytes = (gson.toJson(line) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            if (sender != null) {
                sender.execute(this::sendPending);
            }
            return attempt;
        }
    }

    /** Every entry of the record, oldest first (a line that is not JSON is skipped). */
    List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                try {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    entries.add(new Entry(text(o, "lesson"), text(o, "exercise"),
                            o.has("passed") && o.get("passed").getAsBoolean(),
                            o.has("attempt") ? o.get("attempt").getAsInt() : 1, text(o, "time"),
                            o.has("source") ? text(o, "source") : "kernel"));
                } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException e) {
                    // a torn last line (the disk filled up): the others still count
                }
            }
        }
        return entries;
    }

    /** The latest entry of each exercise, in the order they were first tried. */
    Map<String, Entry> latest() throws IOException {
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (Entry entry : read()) {
            latest.put(entry.key(), entry);
        }
        return latest;
    }

    private static String text(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : "";
    }

    /** Posts what the service has not acknowledged yet, in batches; stops at the first failure. */
    void sendPending() {
        if (progress == null || !sending.compareAndSet(false, true)) {
            return;
        }
        try {
            while (true) {
                long offset = sentOffset();
                long size = Files.exists(file) ? Files.size(file) : 0;
                if (offset >= size) {
                    return;
                }
                byte[] batch = batchFrom(offset, size);
                if (batch.length == 0) {
                    return;
                }
                HttpRequest request = HttpRequest.newBuilder(progress.resolve("api/checks"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "token " + token)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    LOG.log(Level.INFO, "The progress service answered {0}; the record keeps the checks",
                            response.statusCode());
                    return;
                }
                writeSentOffset(offset + batch.length);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "The progress service is not reachable; the record keeps the checks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sending.set(false);
        }
    }

    /** Whole lines from {@code offset}, at most {@link #BATCH_BYTES} (or one longer line). */
    private byte[] batchFrom(long offset, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            int want = (int) Math.min(size - offset, BATCH_BYTES);
            byte[] bytes = new byte[want];
            raf.readFully(bytes);
            int end = want;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                // One line longer than a batch, or a line still being written: its whole, if complete.
                return new byte[0];
            }
            return end == want ? bytes : java.util.Arrays.copyOf(bytes, end);
        }
    }

    private long sentOffset() {
        try (InputStream in = Files.newInputStream(sentFile)) {
            return Long.parseLong(new String(in.readNBytes(32), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void writeSentOffset(long offset) throws IOException {
        Path tmp = sentFile.resolveSibling("checks.sent.tmp");
        Files.writeString(tmp, Long.toString(offset), StandardCharsets.US_ASCII);
        Files.move(tmp, sentFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The text of an exercise's solution, once the lecturer has released it; null when not yet. */
    SolutionAnswer solution(String lesson, String exercise) throws IOException, InterruptedException {
        if (progress == null) {
            return new SolutionAnswer(false, null);
        }
        String query = "api/solution?lesson=" + java.net.URLEncoder.encode(lesson, StandardCharsets.UTF_8)
                + "&exercise=" + java.net.URLEncoder.encode(exercise, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(progress.resolve(query)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "token " + token).GET().build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (java.io.InputStream in = response.body()) {
            if (response.statusCode() == 404) {
                return new SolutionAnswer(true, null);
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("progress service: " + response.statusCode());
            }
            // a solution is a cell's text: whatever answers at that address is read only so far
            body = in.readNBytes(MAX_SOLUTION_ANSWER + 1);
        }
        if (body.length > MAX_SOLUTION_ANSWER) {
            throw new IOException("progress service: the answer is larger than " + MAX_SOLUTION_ANSWER + " bytes");
        }
        JsonObject o = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        boolean released = o.has("released") && o.get("released").getAsBoolean();
        return new SolutionAnswer(true, released ? text(o, "source") : null);
    }

    /** The service's answer about a solution: whether there is a classroom, and the text if released. */
    record SolutionAnswer(boolean classroom, String source) { }

    @Override
    public void close() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }
}
