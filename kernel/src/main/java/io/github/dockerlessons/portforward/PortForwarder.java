package io.github.dockerlessons.portforward;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Publishes the private engine's ports on this computer, as Docker Desktop does for its VM: the
 * engine lives in its own network namespace, where {@code -p 8080:80} listens; this process listens
 * on this computer's 127.0.0.1:8080 for as long as a running container publishes that port, and
 * relays each connection into the namespace. It follows the engine's container events and after
 * each start, die or destroy compares the published ports with its listeners. It never listens
 * beyond 127.0.0.1, and a port this computer already uses is reported in its log and left alone.
 *
 * <p>{@code java -cp docker-kernel.jar io.github.dockerlessons.portforward.PortForwarder
 * --netns /run/netns/NAME --socket /run/.../docker.sock} (install/engine starts and stops it).
 */
public final class PortForwarder {
    private static final String EVENTS = "/events?filters=" + URLEncoder.encode(
            "{\"type\":[\"container\"],\"event\":[\"start\",\"die\",\"destroy\"]}", StandardCharsets.UTF_8);
    private static final long RETRY_MS = 500;

    private final EngineSocket engine;
    private final NamespaceConnector connector;
    private final Map<Integer, PortRelay> relays = new HashMap<>();
    /** Ports reported as in use, so the log says it once per port. */
    private final Set<Integer> refused = new HashSet<>();

    PortForwarder(EngineSocket engine, NamespaceConnector connector) {
        this.engine = engine;
        this.connector = connector;
    }

    public static void main(String[] args) throws Exception {
        String netns = null;
        String socket = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--netns" -> netns = args[i + 1];
                case "--socket" -> socket = args[i + 1];
                default -> usage();
            }
        }
        if (netns == null || socket == null) {
            usage();
        }
        PortForwarder forwarder = new PortForwarder(new EngineSocket(Path.of(socket)), new NamespaceConnector(netns));
        log("forwarding published ports of " + socket + " (namespace " + netns + ") to 127.0.0.1");
        forwarder.run();
    }

    private static void usage() {
        System.err.println("Usage: PortForwarder --netns /run/netns/NAME --socket /path/to/docker.sock");
        System.exit(2);
    }

    /** Follows the engine for as long as this process lives; an engine that goes away is waited for. */
    void run() throws InterruptedException {
        boolean connected = true;
        while (true) {
            try {
                // Subscribe first, then look: a container started in between is seen by the look.
                engine.follow(EVENTS, this::reconcile, event -> reconcile());
                connected = true;
            } catch (IOException e) {
                if (connected) {
                    log("engine not answering (" + e.getMessage() + "); waiting for it");
                }
                connected = false;
            }
            closeAll();
            Thread.sleep(RETRY_MS);
        }
    }

    /** Listeners for exactly the ports running containers publish. */
    synchronized void reconcile() {
        Map<Integer, String> wanted;
        try {
            wanted = publishedPorts(engine.get("/containers/json"));
        } catch (IOException | RuntimeException e) {
            log("cannot list containers: " + e.getMessage());
            return;
        }
        for (var it = relays.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().insideHost().equals(wanted.get(entry.getKey()))) {
                entry.getValue().close();
                it.remove();
                log("127.0.0.1:" + entry.getKey() + " closed");
            }
        }
        refused.retainAll(wanted.keySet());
        wanted.forEach((port, insideHost) -> {
            if (relays.containsKey(port)) {
                return;
            }
            try {
                relays.put(port, PortRelay.open(port, insideHost, connector, PortForwarder::log));
                refused.remove(port);
                log("127.0.0.1:" + port + " -> " + insideHost + ":" + port + " in the engine's namespace");
            } catch (IOException e) {
                if (refused.add(port)) {
                    log("127.0.0.1:" + port + " is already in use on this computer (" + e.getMessage()
                            + "): not forwarded");
                }
            }
        });
    }

    /**
     * The TCP host ports running containers publish, each with the address to reach it at inside
     * the namespace: 127.0.0.1 for a port published on every address, else the address given.
     */
    static Map<Integer, String> publishedPorts(JsonElement containers) {
        Map<Integer, String> ports = new TreeMap<>();
        for (JsonElement element : containers.getAsJsonArray()) {
            JsonElement list = element.getAsJsonObject().get("Ports");
            if (list == null || !list.isJsonArray()) {
                continue;
            }
            for (JsonElement p : list.getAsJsonArray()) {
                JsonObject port = p.getAsJsonObject();
                if (!port.has("PublicPort") || !"tcp".equals(port.get("Type").getAsString())) {
                    continue;
                }
                String ip = port.has("IP") ? port.get("IP").getAsString() : "";
                String inside = ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::") ? "127.0.0.1" : ip;
                ports.merge(port.get("PublicPort").getAsInt(), inside,
                        (a, b) -> a.equals("127.0.0.1") ? a : b);
            }
        }
        return ports;
    }

    private synchronized void closeAll() {
        relays.values().forEach(PortRelay::close);
        relays.clear();
    }

    static void log(String text) {
        System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + " port-forwarder: "
                + text);
        System.out.flush();
    }
}
