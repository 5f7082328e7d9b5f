package io.github.dockerlessons.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** extends: a base service in the same file or another, merged under the service's own keys. */
class ExtendsTest {
    @TempDir
    Path dir;

    private ComposeProject load(String yaml) throws Exception {
        return ComposeFixture.project(dir, yaml);
    }

    @Test
    void aBaseInTheSameFileAndInAnother() throws Exception {
        Path common = Files.createDirectories(dir.resolve("common"));
        Files.writeString(common.resolve("base.yaml"), """
                services:
                  node:
                    image: busybox
                    environment: [MODE=base, KEEP=1]
                    volumes: ["./src:/app"]
                    command: sleep 1
                """);
        ComposeProject p = load("""
                services:
                  app:
                    extends:
                      file: ../common/base.yaml
                      service: node
                    environment: [MODE=dev]
                    command: sleep 2
                  worker:
                    extends: app
                    user: "1000"
                """);
        ComposeProject.Service app = p.services().get("app");
        assertEquals("busybox", app.image());
        assertEquals(List.of("KEEP=1", "MODE=dev"), app.environment().stream().sorted().toList());
        assertEquals(List.of("sleep", "2"), app.command());
        // the base's relative bind mount is its own folder's
        assertEquals(common.resolve("src").toString(), app.volumes().get(0).source());
        ComposeProject.Service worker = p.services().get("worker");
        assertEquals(List.of("sleep", "2"), worker.command());
        assertEquals("1000", worker.user());
    }

    @Test
    void aMissingBaseAndACycleInComposeGoWords() throws Exception {
        Path file = dir.resolve("lesson/compose.yaml");
        ComposeFileError missing = assertThrows(ComposeFileError.class, () -> load(
                "services:\n  app:\n    image: busybox\n    extends: nothere\n"));
        assertEquals("cannot extend service \"nothere\" in " + file + ": service not found", missing.getMessage());
        ComposeFileError cycle = assertThrows(ComposeFileError.class, () -> load(
                "services:\n  a:\n    image: busybox\n    extends: b\n  b:\n    image: busybox\n    extends: a\n"));
        assertEquals("circular reference with extends: " + file + ":a -> " + file + ":b -> " + file + ":a",
                cycle.getMessage());
    }
}
