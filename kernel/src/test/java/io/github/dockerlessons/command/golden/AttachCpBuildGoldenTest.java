package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * attach (docker-java's attach stream, as over TLS, since the fake opens no socket), cp both ways
 * (the archive API, its path-stat header and a tar) and build (the classic builder's JSON lines),
 * against a fake daemon (golden/{attach,cp,build}-*.golden). Local files live under target/golden-files.
 */
class AttachCpBuildGoldenTest {
    static final String ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";
    static final Path FILES = Path.of("target", "golden-files");
    static final String IMAGE = "sha256:9b1e0c5d2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d";
    static final String BUILT = """
            {"stream":"Step 1/2 : FROM busybox\\n"}
            {"stream":" ---\\u003e af4709625109\\n"}
            {"stream":"Step 2/2 : RUN echo hi\\n"}
            {"stream":" ---\\u003e Running in 1a2b3c4d5e6f\\n"}
            {"stream":"hi\\n"}
            {"stream":" ---\\u003e Removed intermediate container 1a2b3c4d5e6f\\n"}
            {"stream":" ---\\u003e 9b1e0c5d2a3f\\n"}
            {"id":"moby.image.id","aux":{"ID":"%s"}}
            {"stream":"Successfully built 9b1e0c5d2a3f\\n"}
            {"stream":"Successfully tagged hello:1.0\\n"}
            """.formatted(IMAGE);
    static final String BUILD_FAILED = """
            {"stream":"Step 1/2 : FROM busybox\\n"}
            {"stream":" ---\\u003e af4709625109\\n"}
            {"stream":"Step 2/2 : RUN exit 3\\n"}
            {"stream":" ---\\u003e Running in 1a2b3c4d5e6f\\n"}
            {"errorDetail":{"code":3,"message":"The command '/bin/sh -c exit 3' returned a non-zero code: 3"},\
            "error":"The command '/bin/sh -c exit 3' returned a non-zero code: 3"}
            """;

    static String container(boolean running) {
        return ("{\"Id\":\"%s\",\"Name\":\"/web\",\"Config\":{\"Tty\":false,\"OpenStdin\":false},"
                + "\"State\":{\"Running\":%s}}").formatted(ID, running);
    }

    /** A tar with one file, as the engine's archive API sends it. */
    static byte[] tar(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            entry.setMode(0644);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** The archive API's answer: the stat header (name, size, mode, link target) and the tar. */
    static FakeDaemon.Answer archive(String name, long mode, byte[] tar) {
        String stat = "{\"name\":\"" + name + "\",\"size\":" + 13 + ",\"mode\":" + mode
                + ",\"mtime\":\"2024-12-06T01:55:00Z\",\"linkTarget\":\"\"}";
        return new FakeDaemon.Answer(200, Map.of("Content-Type", "application/x-tar",
                "X-Docker-Container-Path-Stat", Base64.getEncoder().encodeToString(stat.getBytes(StandardCharsets.UTF_8))),
                tar);
    }

    private static FakeDaemon daemon() throws IOException {
        byte[] hostname = tar("hostname", "web-host-01\n\n");
        return new FakeDaemon()
                .on("GET", "/containers/*/json", FakeDaemon.error(404, "No such container: nope"))
                .on("GET", "/containers/web/json", FakeDaemon.json(200, container(true)))
                .on("GET", "/containers/done/json", FakeDaemon.json(200, container(false)))
                .on("POST", "/containers/*/attach", FakeDaemon.bytes(200, "application/vnd.docker.multiplexed-stream",
                        InspectRmiLogsVersionGoldenTest.frames(1, "serving on :80\n", 2, "GET / 200\n")))
                .on("POST", "/containers/*/wait", FakeDaemon.json(200, "{\"StatusCode\":0}"))
                .on("GET", "/containers/*/archive", request -> request.hasQuery("path=%2Fetc%2Fhostname")
                        || request.hasQuery("path=/etc/hostname")
                        ? archive("hostname", 0644, hostname)
                        : request.hasQuery("path=%2Ftmp%2F") || request.hasQuery("path=/tmp/")
                        ? archive("tmp", (1L << 31) | 01777, new byte[0])
                        : FakeDaemon.error(404, "Could not find the file /missing in container web"))
                .on("GET", "/containers/nope/archive", FakeDaemon.error(404, "No such container: nope"))
                .on("PUT", "/containers/*/archive", FakeDaemon.json(200, ""))
                .on("POST", "/build", request -> FakeDaemon.json(200, request.query().contains("broken") ? BUILD_FAILED : BUILT))
                .on("GET", "/images/*/json", FakeDaemon.json(200, "{\"Id\":\"" + IMAGE + "\"}"));
    }

    private static CommandRun check(String golden, String... argv) throws Exception {
        CommandRun run = CommandRun.run(daemon(), argv);
        Golden.assertMatches(golden, run.transcript().replace(Path.of("").toAbsolutePath().toString(), "/notebook"));
        return run;
    }

    private static Path fresh(String name) throws IOException {
        Path dir = FILES.resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    @Test
    void attach() throws Exception {
        check("attach-output", "attach", "web");
        check("attach-stopped", "attach", "done");
        check("attach-missing", "attach", "nope");
    }

    @Test
    void cpOut() throws Exception {
        Path out = fresh("cp-out");
        check("cp-out-file", "cp", "web:/etc/hostname", out.resolve("hostname").toString());
        assertEquals("web-host-01\n\n", Files.readString(out.resolve("hostname")));
        check("cp-out-missing-path", "cp", "web:/missing", out.toString());
        check("cp-out-missing-container", "cp", "nope:/etc/hostname", out.toString());
    }

    @Test
    void cpIn() throws Exception {
        Path in = fresh("cp-in");
        Files.writeString(in.resolve("notes.txt"), "remember the milk\n");
        FakeDaemon daemon = daemon();
        Golden.assertMatches("cp-in-file", CommandRun.run(daemon, "cp", in.resolve("notes.txt").toString(), "web:/tmp/")
                .transcript());
        FakeDaemon.Exchange put = daemon.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        assertTrue(put.body().contains("notes.txt") && put.body().contains("remember the milk"), put.body());
        check("cp-in-missing-local", "cp", in.resolve("absent.txt").toString(), "web:/tmp/");
    }

    @Test
    void build() throws Exception {
        Path context = fresh("build-context");
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nRUN echo hi\n");
        check("build-tagged", "build", "-t", "hello:1.0", context.toString());
        check("build-step-failed", "build", "-t", "broken:1.0", context.toString());
        check("build-no-context", "build", FILES.resolve("no-such-folder").toString());
    }
}
