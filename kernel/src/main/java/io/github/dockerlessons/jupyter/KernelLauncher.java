package io.github.dockerlessons.jupyter;

import io.github.dockerlessons.session.Session;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Future;

/** Connects a kernel to the sockets a Jupyter connection file names, and serves until shutdown. */
public final class KernelLauncher {
    private KernelLauncher() {
    }

    /**
     * {@code session} may still be being built: the sockets are bound and kernel_info answered
     * meanwhile, and the other requests wait for it.
     */
    public static void serve(Path connectionFile, Future<Session> session, String version, Map<String, String> env)
            throws Exception {
        KernelLogging.configure(env.get("DOCKER_KERNEL_LOG"), env.get("DOCKER_KERNEL_LOG_LEVEL"));
        String contents = Files.readString(connectionFile, StandardCharsets.UTF_8);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(contents);
        KernelLifecycle.installFatalHandler();
        DockerKernel kernel = new DockerKernel(session, version);
        ProtocolConnection connection = new ProtocolConnection(properties, kernel.failureReplies());
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
