package io.github.dockerlessons.jupyter;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Connects a kernel to the sockets a Jupyter connection file names, and serves until shutdown. */
public final class KernelLauncher {
    private KernelLauncher() {
    }

    /**
     * {@code session} may still be being built: the sockets are bound and kernel_info answered
     * meanwhile, and the other requests wait for it.
     */
    public static void serve(Path connectionFile, PendingSession session, String version, Map<String, String> env)
            throws Exception {
        // java.util.logging's set-up and the JDK's security providers (for the signer's digest) take
        // 30-45 ms before the first reply; they run beside the reading of the connection file, which
        // needs neither. The library logs only from its channels, which are made after the join.
        Thread setup = new Thread(() -> {
            KernelLogging.configure(env.get("DOCKER_KERNEL_LOG"), env.get("DOCKER_KERNEL_LOG_LEVEL"));
            MessageSigner.loadProviders();
        }, "kernel-setup");
        setup.start();
        String contents = Files.readString(connectionFile, StandardCharsets.UTF_8);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(contents);
        setup.join();
        KernelLifecycle.installFatalHandler();
        DockerKernel kernel = new DockerKernel(session, version);
        ProtocolConnection connection = new ProtocolConnection(properties, kernel.failureReplies());
        kernel.serve(connection);
        connection.connect();
        // However the kernel ends (SIGTERM included), a running cell's foreground container ends with it.
        KernelLifecycle.onEnd(kernel::endSession);
        KernelLifecycle.watchParent(env);
        connection.waitUntilClose();
        // docker-java's connection threads must not keep a shut-down kernel alive.
        KernelLifecycle.exit(0);
    }
}
