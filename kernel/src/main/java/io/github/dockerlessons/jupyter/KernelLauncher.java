package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** Connects a kernel to the sockets a Jupyter connection file names, and serves until shutdown. */
public final class KernelLauncher {
    private KernelLauncher() {
    }

    /**
     * {@code session} is built once the first kernel_info_reply is out, or when another request needs
     * it first (see {@link PendingSession}); the requests that need it wait for it.
     */
    public static void serve(Path connectionFile, PendingSession session, String version, Map<String, String> env)
            throws Exception {
        // java.util.logging's set-up and the JDK's security providers (for the signer's digest) take
        // 30-45 ms before the first reply; they run beside the reading of the connection file, which
        // needs neither. The library logs only from its channels, which are made after the join.
        Thread setup = new Thread(() -> {
            try {
                KernelLogging.configure(env.get("DOCKER_KERNEL_LOG"), env.get("DOCKER_KERNEL_LOG_LEVEL"));
            } catch (RuntimeException e) {
                // Whatever went wrong, the library's INFO lines must not reach the console.
                java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
            }
            MessageSigner.loadProviders();
        }, "kernel-setup");
        setup.start();
        String contents = Files.readString(connectionFile, StandardCharsets.UTF_8);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(contents);
        setup.join();
        KernelLifecycle.installFatalHandler();
        DockerKernel kernel = new DockerKernel(session, version);
        ProtocolConnection connection;
        try {
            connection = new ProtocolConnection(properties, kernel.failureReplies());
        } catch (NoSuchAlgorithmException e) {
            // A connection file whose signature_scheme names a digest the JDK does not have: one line for
            // the server's log (the message says which scheme), and Jupyter reports the kernel dead.
            System.err.println("docker kernel: " + e.getMessage());
            KernelLifecycle.exit(1);
            return;
        }
        kernel.serve(connection);
        connection.connect();
        // However the kernel ends (SIGTERM included), a running cell's foreground container ends with it.
        KernelLifecycle.onEnd(kernel::endSession);
        KernelLifecycle.onInterruptSignal(kernel::interruptCell);
        KernelLifecycle.watchParent(env);
        connection.waitUntilClose();
        // docker-java's connection threads must not keep a shut-down kernel alive.
        KernelLifecycle.exit(0);
    }
}
