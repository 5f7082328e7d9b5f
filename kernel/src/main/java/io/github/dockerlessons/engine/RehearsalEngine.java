package io.github.dockerlessons.engine;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An engine inside the kernel's own process that answers each GET with a fixed JSON body chosen by
 * its path, over a unix socket in a folder of its own: the kernel's warm-up sends real requests
 * through the gateway, docker-java and Apache's client to it, so that the JIT has compiled that path
 * before the first real cell, without a request to the user's engine. HTTP/1.1 with keep-alive, as
 * dockerd answers; a thread per connection (Apache's pool may open a second while the first idles).
 * Closing it ends its threads and removes the socket and its folder; so does the JVM's exit (a kernel
 * shut down during its warm-up). A kernel killed or halted meanwhile (jupyter_client's
 * shutdown_kernel(now=True) is a SIGKILL) cannot: the folder's name carries the kernel's pid, and the
 * next rehearsal engine removes the folders of kernels that are gone.
 */
public final class RehearsalEngine implements Closeable {
    /** A request head longer than this is not one the warm-up sends: the connection is closed. */
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final String FOLDER_PREFIX = "docker-kernel-rehearsal-";
    private static final String SOCKET_NAME = "docker.sock";
    private static final byte[] NOT_FOUND = "{\"message\":\"page not found\"}\n".getBytes(StandardCharsets.UTF_8);

    private final Path folder;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, byte[]> answers = new HashMap<>();
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private RehearsalEngine(Path parent, Map<String, String> answers) throws IOException {
        answers.forEach((path, body) -> this.answers.put(path, body.getBytes(StandardCharsets.UTF_8)));
        folder = Files.createTempDirectory(parent, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
        removeLeftovers(parent, folder);
        socket = folder.resolve(SOCKET_NAME);
        // removed at exit in the reverse order: the socket, then its folder
        folder.toFile().deleteOnExit();
        socket.toFile().deleteOnExit();
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(folder);
            throw e;
        }
        server = channel;
    }

    /**
     * Starts answering: {@code answers} maps a request path (without its query) to the JSON body of a
     * 200 answer; any other path gets dockerd's 404.
     */
    public static RehearsalEngine start(Map<String, String> answers) throws IOException {
        return start(Path.of(System.getProperty("java.io.tmpdir")), answers);
    }

    /** The same, its folder made in {@code parent}. */
    static RehearsalEngine start(Path parent, Map<String, String> answers) throws IOException {
        RehearsalEngine engine = new RehearsalEngine(parent, answers);
        daemon(engine::accept).start();
        return engine;
    }

    /** The DOCKER_HOST that reaches it. */
    public String host() {
        return "unix://" + socket;
    }

    /**
     * Removes the folders in {@code parent} that kernels now gone left behind (their pid no longer
     * runs). Best effort: a folder of another user's, or one its own kernel removes meanwhile, stays
     * as it is; so does a folder named otherwise. Only real folders of this process's user: the temp
     * folder is everybody's, and a link named as a kernel's folder could point at the folder of the
     * user's own engine socket (a rootless engine's docker.sock). The user is the owner of this kernel's
     * own folder {@code own} (a uid without a name, as in JupyterHub's containers, has no user.name).
     */
    private static void removeLeftovers(Path parent, Path own) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, FOLDER_PREFIX + "*")) {
            UserPrincipal self = Files.getOwner(own);
            for (Path left : folders) {
                if (ownerGone(left.getFileName().toString()) && ours(left, self)) {
                    try {
                        Files.deleteIfExists(left.resolve(SOCKET_NAME));
                        Files.deleteIfExists(left);
                    } catch (IOException e) {
                        // not ours to remove, or not empty: left alone
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the temp folder cannot be listed: nothing to tidy
        }
    }

    /** A folder (not a link to one) that this process's user owns. */
    private static boolean ours(Path folder, UserPrincipal self) {
        try {
            return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    && self.equals(Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the kernel whose pid a folder's name carries ({@code docker-kernel-rehearsal-PID-...}) is gone. */
    private static boolean ownerGone(String folderName) {
        String rest = folderName.substring(FOLDER_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "rehearsal-engine");
        thread.setDaemon(true);
        return thread;
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel connection = server.accept();
                connections.add(connection);
                daemon(() -> serve(connection)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers the requests of one connection in turn until the client or {@link #close} ends it. */
    private void serve(SocketChannel connection) {
        ByteBuffer in = ByteBuffer.allocate(MAX_HEAD_BYTES);
        try (connection) {
            while (!closed) {
                int end = HijackedStream.headerEnd(in);
                if (end < 0) {
                    if (!in.hasRemaining() || connection.read(in) < 0) {
                        return;
                    }
                    continue;
                }
                String head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
                int skip = end + 4 + bodyLength(head);
                if (skip > in.position()) {
                    return; // a request body: not one the warm-up sends
                }
                in.flip().position(skip);
                in.compact();
                connection.write(ByteBuffer.wrap(answer(head)));
            }
        } catch (IOException e) {
            // the client went away, or close() closed the connection
        } finally {
            connections.remove(connection);
        }
    }

    private static int bodyLength(String head) {
        try {
            return Math.max(0, HijackedStream.contentLength(head));
        } catch (NumberFormatException e) {
            return MAX_HEAD_BYTES; // not a request the warm-up sends: the connection is closed
        }
    }

    /** The whole answer to a request head: dockerd's headers and the body for its path. */
    private byte[] answer(String head) {
        String[] requestLine = head.substring(0, Math.max(0, head.indexOf("\r\n"))).split(" ");
        String target = requestLine.length > 1 ? requestLine[1] : "/";
        int query = target.indexOf('?');
        byte[] body = answers.get(query < 0 ? target : target.substring(0, query));
        String status = body == null ? "404 Not Found" : "200 OK";
        byte[] content = body == null ? NOT_FOUND : body;
        byte[] headers = ("HTTP/1.1 " + status + "\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                + "Docker-Experimental: false\r\nOstype: linux\r\nContent-Length: " + content.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[headers.length + content.length];
        System.arraycopy(headers, 0, whole, 0, headers.length);
        System.arraycopy(content, 0, whole, headers.length, content.length);
        return whole;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            server.close();
            for (SocketChannel connection : connections) {
                connection.close();
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        }
    }
}
