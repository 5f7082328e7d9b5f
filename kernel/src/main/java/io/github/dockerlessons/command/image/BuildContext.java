package io.github.dockerlessons.command.image;

import io.github.dockerlessons.command.files.HostFiles;
import io.github.dockerlessons.command.files.LocalFileError;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A build context as the docker CLI's legacy builder sends it (cli/command/image/build.go with
 * moby's archive.TarWithOptions): the context folder's files minus what {@code .dockerignore}
 * excludes, each with its type: a symbolic link goes as a link, never as what it points at, so the
 * engine's "forbidden path outside the build context" guards the host as with the CLI. Owners are
 * root (ChownOpts 0:0). A Dockerfile named with {@code -f} is found from the notebook's folder; one
 * outside the context is added under a random name, as AddDockerfileToBuildContext does.
 */
public final class BuildContext {
    /** The CLI's wording for a context it could not read or whose .dockerignore it refuses. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Path folder;
    private final DockerIgnore ignore;
    /** The Dockerfile's name in the tar (the "dockerfile" parameter of /build). */
    private final String dockerfileName;
    /** A Dockerfile from outside the context, added to the tar under {@link #dockerfileName}; else null. */
    private final Path outsideDockerfile;
    private final String dockerignoreText;

    private BuildContext(Path folder, DockerIgnore ignore, String dockerfileName, Path outsideDockerfile,
                         String dockerignoreText) {
        this.folder = folder;
        this.ignore = ignore;
        this.dockerfileName = dockerfileName;
        this.outsideDockerfile = outsideDockerfile;
        this.dockerignoreText = dockerignoreText;
    }

    public String dockerfileName() {
        return dockerfileName;
    }

    /**
     * The context of {@code folder} for the Dockerfile {@code file} (null: the context's Dockerfile;
     * else relative to the notebook's folder, as the CLI resolves -f from the current folder).
     */
    public static BuildContext of(Path folder, Path dockerfile) throws Refused, LocalFileError, InterruptedException {
        Path context;
        Path realDockerfile;
        try {
            context = folder.toRealPath();
        } catch (IOException e) {
            throw new Refused("unable to prepare context: unable to evaluate symlinks in context path: "
                    + LocalFileError.of("lstat", folder, e).getMessage());
        }
        try {
            realDockerfile = dockerfile.toRealPath();
        } catch (IOException e) {
            throw new Refused("unable to prepare context: unable to evaluate symlinks in Dockerfile path: "
                    + LocalFileError.of("lstat", dockerfile, e).getMessage());
        }
        String ignoreText = null;
        Path ignoreFile = context.resolve(".dockerignore");
        if (Files.exists(ignoreFile, LinkOption.NOFOLLOW_LINKS)) {
            ignoreText = new String(HostFiles.read(ignoreFile, ignoreFile, HostFiles.TEXT_LIMIT), StandardCharsets.UTF_8);
        }
        List<String> excludes = ignoreText == null ? new ArrayList<>() : new ArrayList<>(DockerIgnore.readAll(ignoreText));
        boolean outside = !realDockerfile.startsWith(context);
        String name = outside ? ".dockerfile." + randomHex()
                : context.relativize(realDockerfile).toString().replace('\\', '/');
        // TrimBuildFilesFromExcludes: .dockerignore and the Dockerfile always go (the engine drops them)
        try {
            DockerIgnore first = DockerIgnore.compile(excludes);
            if (first.excludes(".dockerignore")) {
                excludes.add("!.dockerignore");
            }
            if (!outside && first.excludes(name)) {
                excludes.add("!" + name);
            }
            return new BuildContext(context, DockerIgnore.compile(excludes), name, outside ? realDockerfile : null,
                    ignoreText);
        } catch (DockerIgnore.BadPattern e) {
            throw new Refused("error checking context: " + e.getMessage());
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[10];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** One path of the context that goes, as the walk meets it. */
    private interface Visitor {
        void visit(Path path) throws IOException, LocalFileError;
    }

    /**
     * Walks the context as Go's filepath.Walk does (each folder's names in lexical order, links not
     * followed), handing on what the patterns keep; an excluded folder is skipped whole unless an
     * exclusion pattern names something in it. One folder's listing is held at a time, never the tree.
     */
    private void walk(Path dir, Visitor visitor) throws IOException, LocalFileError {
        List<Path> children;
        try (var listing = Files.list(dir)) {
            children = listing.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
        for (Path child : children) {
            String rel = relative(child);
            boolean folder = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
            if (ignore.excludes(rel)) {
                if (folder && ignore.hasExclusions() && ignore.mayReinclude(rel)) {
                    walk(child, visitor);
                }
                continue;
            }
            visitor.visit(child);
            if (folder) {
                walk(child, visitor);
            }
        }
    }

    /** The size the CLI announces: the regular files that go (links count as links, not their targets). */
    long size() throws LocalFileError {
        long[] total = new long[1];
        try {
            walk(folder, path -> {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    total[0] += Files.size(path);
                }
            });
        } catch (IOException e) {
            throw LocalFileError.of("open", folder, e);
        }
        return total[0];
    }

    private String relative(Path path) {
        return folder.relativize(path).toString().replace('\\', '/');
    }

    /**
     * The context's tar, written on a thread of its own while the engine reads it (a context of any
     * size costs a pipe's buffer). A file that cannot be read ends the stream with an error.
     */
    public InputStream stream() throws LocalFileError {
        PipedInputStream pipe = new PipedInputStream(1 << 20);
        PipedOutputStream sink;
        try {
            sink = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new LocalFileError("pipe: " + e.getMessage());
        }
        String[] failure = new String[1]; // written by the packer before it closes the pipe
        Thread writer = new Thread(() -> {
            try {
                write(sink);
            } catch (LocalFileError e) {
                failure[0] = e.getMessage(); // before the pipe closes, so the reader sees it with the end
            } finally {
                try {
                    sink.close();
                } catch (IOException ignored) {
                    // the engine stopped reading
                }
            }
        }, "build-context");
        writer.setDaemon(true);
        writer.start();
        return new FilterInputStream(pipe) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0 && failure[0] != null) {
                    throw new IOException(failure[0]);
                }
                return n;
            }
        };
    }

    void write(OutputStream out) throws LocalFileError {
        Path[] current = {folder};
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            boolean[] ignoreWritten = {false};
            walk(folder, path -> {
                current[0] = path;
                String name = relative(path);
                if (outsideDockerfile != null && name.equals(".dockerignore")
                        && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    addDockerignore(tar, path);
                    ignoreWritten[0] = true;
                } else {
                    addEntry(tar, path, name);
                }
            });
            if (outsideDockerfile != null) {
                current[0] = outsideDockerfile;
                if (!ignoreWritten[0]) {
                    addDockerignore(tar, null);
                }
                byte[] dockerfile = HostFiles.read(outsideDockerfile, outsideDockerfile, HostFiles.TEXT_LIMIT);
                TarArchiveEntry entry = new TarArchiveEntry(dockerfileName);
                entry.setMode(0100600);
                entry.setSize(dockerfile.length);
                entry.setModTime(new Date());
                tar.putArchiveEntry(entry);
                tar.write(dockerfile);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw LocalFileError.of("open", current[0], e);
        } catch (InterruptedException e) {
            throw new LocalFileError("read " + current[0] + ": interrupted");
        }
    }

    /** The context's .dockerignore with the outside Dockerfile's random name added, so COPY . leaves it out. */
    private void addDockerignore(TarArchiveOutputStream tar, Path existing) throws IOException {
        String text = (existing == null ? ".dockerignore" : dockerignoreText) + "\n" + dockerfileName + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(".dockerignore");
        entry.setMode(existing == null ? 0100600 : 0100000 | mode(existing));
        entry.setSize(bytes.length);
        entry.setModTime(new Date());
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void addEntry(TarArchiveOutputStream tar, Path path, String name) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry;
        HostFiles.Kind kind = HostFiles.kind(path, LinkOption.NOFOLLOW_LINKS);
        switch (kind) {
            case SYMLINK -> {
                entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                entry.setLinkName(Files.readSymbolicLink(path).toString());
                entry.setMode(0120777);
            }
            case DIRECTORY -> {
                entry = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
                entry.setMode(0040000 | mode(path));
            }
            case REGULAR -> {
                entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
                entry.setMode(0100000 | mode(path));
                entry.setSize(attrs.size());
            }
            case FIFO -> {
                entry = new TarArchiveEntry(name, TarConstants.LF_FIFO);
                entry.setMode(0010000 | mode(path));
            }
            default -> {
                return; // sockets and devices: moby's archive leaves them out of a context too
            }
        }
        entry.setModTime(attrs.lastModifiedTime().toMillis());
        entry.setUserId(0);
        entry.setGroupId(0);
        tar.putArchiveEntry(entry);
        if (kind == HostFiles.Kind.REGULAR) {
            long copied;
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                copied = in.transferTo(new BoundedOutput(tar, attrs.size()));
            }
            if (copied != attrs.size()) {
                throw new IOException("file changed size while it was sent");
            }
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Path path) throws IOException {
        try {
            Set<PosixFilePermission> set = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
            for (int i = 0; i < order.length; i++) {
                if (set.contains(order[i])) {
                    mode |= 1 << (8 - i);
                }
            }
            return mode;
        } catch (UnsupportedOperationException e) {
            return 0644;
        }
    }

    /** Passes at most the size the tar header announced (a file that grows while sent is cut there). */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private long left;

        BoundedOutput(OutputStream out, long size) {
            this.out = out;
            this.left = size;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                out.write(b, off, n);
                left -= n;
            }
        }
    }
}
