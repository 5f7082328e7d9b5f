package io.github.dockerlessons.engine;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * DOCKER_HOST as the docker CLI reads it (its opts.ParseHost): no scheme means tcp; tcp without a port
 * gets 2375 (and no host, localhost); unix:// and npipe:// without a path get the default socket and
 * pipe; ssh:// and fd:// pass as they are; anything else is the CLI's "invalid bind address format".
 */
final class HostAddress {
    static final String DEFAULT_UNIX = "unix:///var/run/docker.sock";
    static final String DEFAULT_PIPE = "npipe:////./pipe/docker_engine";
    static final String DEFAULT_TLS = "tcp://localhost:2376";

    private HostAddress() {
    }

    static String parse(String value) throws ContextError {
        String host = value.trim();
        int sep = host.indexOf("://");
        String proto = sep < 0 ? "tcp" : host.substring(0, sep);
        String rest = sep < 0 ? host : host.substring(sep + 3);
        return switch (proto) {
            case "tcp" -> tcp(rest, value);
            case "unix" -> simple("unix", rest, "/var/run/docker.sock", value);
            case "npipe" -> simple("npipe", rest, "//./pipe/docker_engine", value);
            case "ssh", "fd" -> host;
            default -> throw new ContextError("invalid bind address format: " + value);
        };
    }

    private static String simple(String proto, String path, String fallback, String original) throws ContextError {
        if (path.contains("://")) {
            throw new ContextError("invalid proto, expected " + proto + ": " + path);
        }
        return proto + "://" + (path.isEmpty() ? fallback : path);
    }

    private static String tcp(String address, String original) throws ContextError {
        if (address.isEmpty()) {
            return "tcp://localhost:2375";
        }
        if (address.contains("://")) {
            throw new ContextError("invalid proto, expected tcp: " + original);
        }
        try {
            URI uri = new URI("tcp://" + address);
            String hostName = uri.getHost();
            if (hostName == null && uri.getRawAuthority() != null && !uri.getRawAuthority().startsWith(":")) {
                throw new ContextError("invalid bind address format: " + original);
            }
            String name = hostName == null ? "localhost" : hostName;
            int port = uri.getPort() < 0 ? 2375 : uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return "tcp://" + name + ":" + port + path;
        } catch (URISyntaxException e) {
            throw new ContextError("invalid bind address format: " + original, e);
        }
    }
}
