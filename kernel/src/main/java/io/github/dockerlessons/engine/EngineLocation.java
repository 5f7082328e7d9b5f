package io.github.dockerlessons.engine;

import java.util.Map;

/**
 * Where the engine is, found the way the docker CLI finds it: DOCKER_HOST (unix:// or tcp://, with
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for TLS), else the default socket.
 */
public record EngineLocation(String host, boolean tlsVerify, String certPath) {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public static EngineLocation fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("DOCKER_HOST", "");
        if (host.isBlank()) {
            host = DEFAULT_HOST;
        }
        String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
        boolean tls = !verify.isEmpty() && !verify.equals("0") && !verify.equalsIgnoreCase("false");
        String certPath = env.get("DOCKER_CERT_PATH");
        if (tls && (certPath == null || certPath.isBlank())) {
            certPath = System.getProperty("user.home") + "/.docker";
        }
        return new EngineLocation(host.trim(), tls, certPath);
    }
}
