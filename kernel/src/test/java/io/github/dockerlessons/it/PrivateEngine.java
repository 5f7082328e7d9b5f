package io.github.dockerlessons.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * What the integration tests may do to the engine at DOCKER_HOST. Steps that remove things they did
 * not make (image prune, container prune) run only on the project's private engine, whose daemon
 * install/engine starts with the label {@value #LABEL}; on any other engine (a developer's own, under
 * a plain {@code mvn verify}) they are skipped with a message saying why.
 */
final class PrivateEngine {
    static final String LABEL = "io.github.dockerlessons.private=1";
    private static Boolean isPrivate;

    private PrivateEngine() {
    }

    /** True when the engine's `docker info` labels carry the private engine's label. */
    static synchronized boolean isPrivate() {
        if (isPrivate == null) {
            isPrivate = askTheEngine();
        }
        return isPrivate;
    }

    private static boolean askTheEngine() {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        try (ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).build();
             DockerClient client = DockerClientImpl.getInstance(config, http)) {
            String[] labels = client.infoCmd().exec().getLabels();
            return labels != null && Arrays.asList(labels).contains(LABEL);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Skips the calling test unless the engine is the private one: `what` says what it would remove. */
    static void requireForDestructiveSteps(String what) {
        Assumptions.assumeTrue(isPrivate(), () -> "refused: " + what + " would remove objects this test did not make; "
                + "it runs only on the project's private engine (install/engine, daemon label " + LABEL
                + "), and DOCKER_HOST=" + System.getenv().getOrDefault("DOCKER_HOST", "(the default socket)")
                + " is not one");
    }

    /** A port free on this machine now, for a container's published port (no fixed port to collide on). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
