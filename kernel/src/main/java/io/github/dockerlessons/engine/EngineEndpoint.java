package io.github.dockerlessons.engine;

import java.nio.file.Path;

/**
 * One place where an engine may answer, and how to speak to it.
 *
 * @param host        unix://, tcp://, npipe:// (or ssh://, which the kernel names but does not speak)
 * @param tls         the TLS settings, or null: plain HTTP, and always null for sockets and pipes
 * @param contextName the docker context this endpoint belongs to ("default" when none was chosen)
 * @param origin      why the kernel looks here, for the list of places tried
 */
public record EngineEndpoint(String host, Tls tls, String contextName, Origin origin) {

    /** Where the endpoint came from, in the words the failure message uses. */
    public enum Origin {
        DOCKER_HOST("DOCKER_HOST"),
        HOST_FLAG("-H"),
        DOCKER_CONTEXT("DOCKER_CONTEXT"),
        CURRENT_CONTEXT("currentContext in config.json"),
        DEFAULT("the docker CLI's default"),
        ROOTLESS_DOCKER("rootless Docker"),
        DOCKER_DESKTOP_MACOS("Docker Desktop on macOS"),
        DOCKER_DESKTOP_LINUX("Docker Desktop on Linux"),
        PODMAN("Podman"),
        PODMAN_ROOTLESS("rootless Podman");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * TLS as the docker CLI sets it up: trust the CA in {@code ca} (or the system's when null), present
     * {@code cert} and {@code key} when both are given, and check the engine's certificate unless
     * {@code verify} is false (DOCKER_TLS without DOCKER_TLS_VERIFY, or a context's SkipTLSVerify).
     */
    public record Tls(Path ca, Path cert, Path key, boolean verify) { }

    public boolean isSocket() {
        return host.startsWith("unix://") || host.startsWith("npipe://");
    }

    /** The socket file of a unix:// host. */
    public Path socketPath() {
        return Path.of(host.substring("unix://".length()));
    }

    public boolean isTcp() {
        return host.startsWith("tcp://");
    }

    public boolean isSsh() {
        return host.startsWith("ssh://");
    }
}
