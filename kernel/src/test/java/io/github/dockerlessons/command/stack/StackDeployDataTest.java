package io.github.dockerlessons.command.stack;

import io.github.dockerlessons.command.core.DockerError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A stack's secret and config files are read as os.ReadFile reads them, and refused in its words. */
class StackDeployDataTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsReadWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.txt"), "s3cret", StandardCharsets.UTF_8);
        assertArrayEquals("s3cret".getBytes(StandardCharsets.UTF_8), StackDeployCommand.data(file, 10));
    }

    @Test
    void aMissingFileIsNamedAsGoNamesIt() {
        Path file = dir.resolve("missing.txt");
        DockerError e = assertThrows(DockerError.class, () -> StackDeployCommand.data(file, 10));
        assertEquals("open " + file + ": no such file or directory", e.getMessage());
    }

    @Test
    void aFolderIsRefusedInGoWordsNotJavas() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        DockerError e = assertThrows(DockerError.class, () -> StackDeployCommand.data(folder, 10));
        assertEquals("read " + folder + ": is a directory", e.getMessage());
    }

    /** The stack read 500 KiB + 1 of a config too: a 600,000-byte config (the engine takes 1000 KiB) was cut. */
    @Test
    void aConfigIsReadUpToTheConfigLimitNotTheSecretOne() throws Exception {
        Path file = Files.write(dir.resolve("big.conf"), new byte[600_000]);
        assertEquals(600_000, StackDeployCommand.data(file, StackDeployCommand.limitOf("config")).length);
        assertEquals(500 * 1024 + 1, StackDeployCommand.data(file, StackDeployCommand.limitOf("secret")).length);
    }
}
