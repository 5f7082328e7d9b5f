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
        assertArrayEquals("s3cret".getBytes(StandardCharsets.UTF_8), StackDeployCommand.data(file));
    }

    @Test
    void aMissingFileIsNamedAsGoNamesIt() {
        Path file = dir.resolve("missing.txt");
        DockerError e = assertThrows(DockerError.class, () -> StackDeployCommand.data(file));
        assertEquals("open " + file + ": no such file or directory", e.getMessage());
    }

    @Test
    void aFolderIsRefusedInGoWordsNotJavas() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        DockerError e = assertThrows(DockerError.class, () -> StackDeployCommand.data(folder));
        assertEquals("read " + folder + ": is a directory", e.getMessage());
    }
}
