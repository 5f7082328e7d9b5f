package io.github.dockerlessons.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file the kernel reads whole to find its engine: config.json, a context's meta.json, a TLS
 * certificate or key. Such files hold a few kilobytes; a flag or a context may name a device, a named
 * pipe or a huge file in their place ({@code --tlscacert /dev/zero}), which would fill the kernel's
 * memory or block the cell forever. So only a regular file is opened, and only its first
 * {@link #LIMIT} bytes are read.
 */
final class SmallFile {
    static final int LIMIT = 1 << 20;

    private SmallFile() {
    }

    /** The file's bytes; an IOException in Go's style of words for a folder, a device, a pipe or a file too large. */
    static byte[] read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(LIMIT + 1);
            if (bytes.length > LIMIT) {
                throw new IOException("file too large (more than 1MiB)");
            }
            return bytes;
        }
    }
}
