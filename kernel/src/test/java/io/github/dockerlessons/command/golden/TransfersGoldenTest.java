package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.engine.FakeDaemon;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What moves images and file systems: pull and push (the engine's JSON-lines progress), save and
 * export (a tar from the engine into a file), load and import (a tar to the engine), against a fake
 * daemon (golden/{pull,push,save,export,load,import}-*.golden). Files live under target/golden-files.
 */
class TransfersGoldenTest {
    static final Path FILES = Path.of("target", "golden-files");
    static final String DIGEST = "sha256:2919d0172f7524b2d8df9e50066a682669e6d170ac0f6a49676d54358fe970b5";
    static final String PULL = """
            {"status":"Pulling from library/busybox","id":"latest"}
            {"status":"Pulling fs layer","progressDetail":{},"id":"a46fbb00284b"}
            {"status":"Downloading","progressDetail":{"current":1048576,"total":2150000},"progress":"[====>  ]","id":"a46fbb00284b"}
            {"status":"Download complete","progressDetail":{},"id":"a46fbb00284b"}
            {"status":"Pull complete","progressDetail":{},"id":"a46fbb00284b"}
            {"status":"Digest: %s"}
            {"status":"Status: Downloaded newer image for busybox:latest"}
            """.formatted(DIGEST);
    static final String PULL_DENIED = "pull access denied for nosuch, repository does not exist or may require "
            + "'docker login': denied: requested access to the resource is denied";
    static final String PUSH = """
            {"status":"The push refers to repository [localhost:5000/box]"}
            {"status":"Preparing","progressDetail":{},"id":"a46fbb00284b"}
            {"status":"Pushing","progressDetail":{"current":512,"total":2150000},"progress":"[>  ]","id":"a46fbb00284b"}
            {"status":"Pushed","progressDetail":{},"id":"a46fbb00284b"}
            {"status":"1.0: digest: %s size: 527"}
            {"progressDetail":{},"aux":{"Tag":"1.0","Digest":"%s","Size":527}}
            """.formatted(DIGEST, DIGEST);
    static final String PUSH_REFUSED = """
            {"status":"The push refers to repository [localhost:5000/box]"}
            {"status":"Preparing","progressDetail":{},"id":"a46fbb00284b"}
            {"errorDetail":{"message":"unauthorized: authentication required"},"error":"unauthorized: authentication required"}
            """;
    static final byte[] TAR = "a tar, as far as the kernel cares".getBytes(StandardCharsets.UTF_8);

    private static FakeDaemon daemon() {
        return new FakeDaemon()
                .on("POST", "/images/create", request -> request.hasQuery("fromImage=nosuch")
                        ? FakeDaemon.error(404, PULL_DENIED)
                        : request.hasQuery("fromSrc=-")
                        ? FakeDaemon.json(200, "{\"status\":\"sha256:9b1e0c5d2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d\"}\n")
                        : FakeDaemon.json(200, PULL))
                .on("POST", "/images/*/push", request -> request.path().contains("nope")
                        ? FakeDaemon.error(404, "An image does not exist locally with the tag: localhost:5000/nope")
                        : FakeDaemon.json(200, request.hasQuery("tag=locked") ? PUSH_REFUSED : PUSH))
                .on("GET", "/images/get", request -> request.hasQuery("names=nope")
                        ? FakeDaemon.error(404, "reference does not exist")
                        : FakeDaemon.bytes(200, "application/x-tar", TAR))
                .on("GET", "/containers/*/export", FakeDaemon.bytes(200, "application/x-tar", TAR))
                .on("GET", "/containers/nope/export", FakeDaemon.error(404, "No such container: nope"))
                .on("POST", "/images/load", request -> request.body().isEmpty()
                        ? FakeDaemon.error(400, "unexpected EOF")
                        : FakeDaemon.json(200, "{\"stream\":\"Loaded image: busybox:latest\\n\"}\n"));
    }

    private static CommandRun check(String golden, String... argv) throws Exception {
        CommandRun run = CommandRun.run(daemon(), argv);
        Golden.assertMatches(golden, run.transcript());
        return run;
    }

    private static Path file(String name, byte[] content) throws Exception {
        Files.createDirectories(FILES);
        Path file = FILES.resolve(name);
        Files.deleteIfExists(file);
        if (content != null) {
            Files.write(file, content);
        }
        return file;
    }

    @Test
    void pull() throws Exception {
        check("pull-default-tag", "pull", "busybox");
        check("pull-denied", "pull", "nosuch:1.0");
    }

    @Test
    void push() throws Exception {
        check("push-pushed", "push", "localhost:5000/box:1.0");
        check("push-unauthorized", "push", "localhost:5000/box:locked");
        check("push-missing", "push", "localhost:5000/nope");
    }

    @Test
    void save() throws Exception {
        Path out = file("images.tar", null);
        check("save-output", "save", "-o", out.toString(), "busybox");
        assertEquals(new String(TAR, StandardCharsets.UTF_8), Files.readString(out));
        Path none = file("none.tar", null);
        check("save-missing", "save", "-o", none.toString(), "nope");
        assertFalse(Files.exists(none), "a refused save leaves no file");
        check("save-terminal", "save", "busybox");
    }

    @Test
    void export() throws Exception {
        Path out = file("web.tar", null);
        check("export-output", "export", "-o", out.toString(), "web");
        assertEquals(new String(TAR, StandardCharsets.UTF_8), Files.readString(out));
        check("export-missing", "export", "-o", file("nope.tar", null).toString(), "nope");
        check("export-terminal", "export", "web");
    }

    @Test
    void load() throws Exception {
        check("load-input", "load", "-i", file("in.tar", TAR).toString());
        check("load-refused", "load", "-i", file("empty.tar", new byte[0]).toString());
        check("load-missing-file", "load", "-i", file("absent.tar", null).toString());
        check("load-no-stdin", "load");
    }

    @Test
    void importTar() throws Exception {
        CommandRun run = check("import-tar", "import", file("rootfs.tar", TAR).toString(), "mybox:1.0");
        assertTrue(run.out.toString().startsWith("sha256:"), run.out.toString());
        check("import-missing-file", "import", file("absent.tar", null).toString());
    }
}
