package io.github.dockerlessons.command.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: every entry of an engine's archive lands in the copy's own path, never beside it. */
class TarExtractionTest {
    @TempDir
    Path notebook;

    private static byte[] tar(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                String name = namesAndContents[i];
                if (name.endsWith("/")) {
                    out.putArchiveEntry(new TarArchiveEntry(name, true));
                } else {
                    byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry(name, true);
                    entry.setSize(content.length);
                    out.putArchiveEntry(entry);
                    out.write(content);
                }
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void anEntryBesideTheNewCopyIsRefusedByName() throws Exception {
        byte[] archive = tar("x/", "", "x/../sibling", "planted");
        LocalFileError e = assertThrows(LocalFileError.class,
                () -> new TarExtraction(notebook, "x", "dest").extract(new ByteArrayInputStream(archive)));
        assertTrue(e.getMessage().contains("x/../sibling"), e.getMessage());
        assertFalse(Files.exists(notebook.resolve("sibling")));
    }

    @Test
    void aHardLinkThroughALinkOfTheArchiveIsRefusedByName(@TempDir Path outside) throws Exception {
        // x/lnk -> OUTSIDE is kept as a link (as the CLI keeps it); a hard link named x/lnk/secret would be
        // resolved through it by link(2) and make a second name of a file outside inside the copy.
        Path secret = Files.writeString(outside.resolve("secret"), "host only");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.putArchiveEntry(new TarArchiveEntry("x/", true));
            out.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("x/lnk", TarConstants.LF_SYMLINK, true);
            link.setLinkName(outside.toString());
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
            TarArchiveEntry hard = new TarArchiveEntry("x/h", TarConstants.LF_LINK, true);
            hard.setLinkName("x/lnk/secret");
            out.putArchiveEntry(hard);
            out.closeArchiveEntry();
        }
        LocalFileError e = assertThrows(LocalFileError.class, () -> new TarExtraction(notebook, "x", "dest")
                .extract(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(e.getMessage().contains("x/lnk/secret"), e.getMessage());
        assertFalse(Files.exists(notebook.resolve("dest/h"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(1, Files.getAttribute(secret, "unix:nlink"));
    }

    @Test
    void anAbsoluteEntryIsRefusedByName() throws Exception {
        byte[] archive = tar("x/", "", "/tmp/planted", "planted");
        LocalFileError e = assertThrows(LocalFileError.class,
                () -> new TarExtraction(notebook, "x", "dest").extract(new ByteArrayInputStream(archive)));
        assertTrue(e.getMessage().contains("/tmp/planted"), e.getMessage());
        assertFalse(Files.exists(notebook.resolve("tmp")));
    }

    @Test
    void anEntryOutsideTheTopIsRefusedWhenCopyingIntoAFolder() throws Exception {
        byte[] archive = tar("x/", "", "x/f", "ok", "other", "planted");
        assertThrows(LocalFileError.class,
                () -> new TarExtraction(notebook, "x", null).extract(new ByteArrayInputStream(archive)));
        assertFalse(Files.exists(notebook.resolve("other")));
    }

    @Test
    void theContainersRootLandsInTheNewFolderAndAgainInsideIt() throws Exception {
        byte[] archive = tar("/", "", "/etc/", "", "/etc/hostname", "box\n", "/.dockerenv", "");
        new TarExtraction(notebook, "/", "dest").extract(new ByteArrayInputStream(archive));
        assertEquals("box\n", Files.readString(notebook.resolve("dest/etc/hostname")));
        assertTrue(Files.exists(notebook.resolve("dest/.dockerenv")));
        assertFalse(Files.exists(notebook.resolve("etc")));
        // the second time dest exists: the CLI copies the root's contents into it again
        new TarExtraction(notebook.resolve("dest"), "/", null).extract(new ByteArrayInputStream(archive));
        assertFalse(Files.exists(notebook.resolve("dest/dest")));
        assertEquals("box\n", Files.readString(notebook.resolve("dest/etc/hostname")));
    }

    @Test
    void aFolderCopiedUnderANewNameKeepsEverythingInside() throws Exception {
        byte[] archive = tar("d/", "", "d/sub/", "", "d/sub/g", "deep", "d/sub/../f", "top");
        new TarExtraction(notebook, "d", "copy").extract(new ByteArrayInputStream(archive));
        assertEquals("deep", Files.readString(notebook.resolve("copy/sub/g")));
        assertEquals("top", Files.readString(notebook.resolve("copy/f")));
    }
}
