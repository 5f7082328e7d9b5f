package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.files.LocalFileError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docker/cli's ValidateOutputPath for cp's local destination, to the CLI's words. */
class CpOutputPathTest {
    @TempDir
    Path folder;

    private static String refused(Path target) {
        return assertThrows(LocalFileError.class, () -> CpCommand.validateOutputPath(target)).getMessage();
    }

    @Test
    void aMissingFolderIsNamedAsTheCliNamesIt() {
        Path missing = folder.resolve("missing");
        assertEquals("invalid output path: directory \"" + missing + "\" does not exist",
                refused(missing.resolve("out")));
    }

    @Test
    void aFileWhereAFolderShouldBeIsOsStatsNotADirectory() throws IOException {
        Path file = Files.writeString(folder.resolve("file"), "x");
        // the CLI goes past its folder check (ENOTDIR is not os.IsNotExist) and returns os.Stat's error
        assertEquals("stat " + file.resolve("out") + ": not a directory", refused(file.resolve("out")));
        assertEquals("stat " + file.resolve("a/out") + ": not a directory", refused(file.resolve("a/out")));
    }

    @Test
    void aDeviceOrALinkToOneIsRefusedAndFilesFoldersAndNewNamesAreFine() throws IOException {
        assertEquals("invalid output path: \"/dev/null\" must be a directory or a regular file: got a device",
                refused(Path.of("/dev/null")));
        Path link = Files.createSymbolicLink(folder.resolve("null"), Path.of("/dev/null"));
        assertEquals("invalid output path: \"" + link + "\" must be a directory or a regular file: got a device",
                refused(link));
        assertDoesNotThrow(() -> CpCommand.validateOutputPath(folder));
        assertDoesNotThrow(() -> CpCommand.validateOutputPath(Files.writeString(folder.resolve("f"), "x")));
        assertDoesNotThrow(() -> CpCommand.validateOutputPath(folder.resolve("new")));
    }
}
