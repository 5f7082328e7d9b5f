package io.github.dockerlessons.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * The short syntax of a port ({@code "8080:80"}, {@code "127.0.0.1:8080:80/udp"}, {@code "80"},
 * {@code "8000-8001:80-81"}) as docker's nat.ParsePortSpec reads it, one {@link ComposeProject.Port}
 * per port of a range; errors in its words.
 */
final class PortSpec {
    private PortSpec() {
    }

    static List<ComposeProject.Port> parse(String spec) {
        String rest = spec;
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
                throw new IllegalArgumentException("invalid proto: " + protocol);
            }
        }
        String ip = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("invalid ip address: " + rest);
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 1);
            rest = rest.startsWith(":") ? rest.substring(1) : rest;
        }
        String[] parts = rest.split(":", -1);
        String host;
        String container;
        if (parts.length == 1) {
            host = "";
            container = parts[0];
        } else if (parts.length == 2) {
            host = parts[0];
            container = parts[1];
        } else if (parts.length == 3 && ip == null) {
            ip = parts[0];
            host = parts[1];
            container = parts[2];
        } else {
            throw new IllegalArgumentException("invalid port specification: \"" + spec + "\"");
        }
        int[] containerRange = range(container, "containerPort");
        int[] hostRange = host.isEmpty() ? null : range(host, "hostPort");
        int count = containerRange[1] - containerRange[0] + 1;
        if (hostRange != null && hostRange[1] - hostRange[0] + 1 != count && hostRange[1] != hostRange[0]) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: "
                    + container + " and " + host);
        }
        List<ComposeProject.Port> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String published = "";
            if (hostRange != null) {
                published = hostRange[0] == hostRange[1] && count == 1 ? Integer.toString(hostRange[0])
                        : hostRange[0] == hostRange[1] ? Integer.toString(hostRange[0])
                        : Integer.toString(hostRange[0] + i);
            }
            ports.add(new ComposeProject.Port(ip == null || ip.isEmpty() ? null : ip, published,
                    Integer.toString(containerRange[0] + i), protocol));
        }
        return ports;
    }

    private static int[] range(String text, String what) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("invalid " + what + ": " + text);
        }
        int start = number(ends[0], what, text);
        int end = ends.length == 2 ? number(ends[1], what, text) : start;
        if (end < start) {
            throw new IllegalArgumentException("invalid range specified for " + what + ": " + text);
        }
        return new int[]{start, end};
    }

    private static int number(String text, String what, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + what + ": " + whole);
        }
    }
}
