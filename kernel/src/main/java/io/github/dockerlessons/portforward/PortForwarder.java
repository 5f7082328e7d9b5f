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
import java.util.function.BiFunction;
import java.util.function.Function;

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

    /**
     * What is published: the events after which to look again, the engine's list to look at and the
     * ports it publishes (each with where it goes: a relay whose target changes is replaced), how to
     * reach a port's target, and how the log says where it goes.
     */
    record Published(String events, String list, Function<JsonElement, Map<Integer, String>> ports,
                     BiFunction<Integer, String, PortRelay.Dialer> dialer, BiFunction<Integer, String, String> where) { }

    private final EngineSocket engine;
    private final Published published;
    private final Map<Integer, PortRelay> relays = new HashMap<>();
    /** Ports reported as in use, so the log says it once per port. */
    private final Set<Integer> refused = new HashSet<>();

    PortForwarder(EngineSocket engine, Published published) {
        this.engine = engine;
        this.published = published;
    }

    /** The ports running containers publish, each to the same port inside the engine's namespace. */
    static Published containers(NamespaceConnector connector) {
        return new Published(EVENTS, "/containers/json", PortForwarder::publishedPorts,
                (port, target) -> () -> connector.connect(target, port),
                (port, target) -> target + ":" + port + " in the engine's namespace");
    }

    public static void main(String[] args) throws Exception {
        String netns = null;
        String socket = null;
        boolean services = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--netns" -> netns = i + 1 < args.length ? args[++i] : null;
                case "--socket" -> socket = i + 1 < args.length ? args[++i] : null;
                case "--services" -> services = true;
                default -> usage();
            }
        }
        if (netns == null || socket == null) {
            usage();
        }
        EngineSocket engine = new EngineSocket(Path.of(socket));
        PortForwarder forwarder = new PortForwarder(engine, services ? new ServiceMesh(engine, netns).published()
                : containers(new NamespaceConnector(netns)));
        log("forwarding published ports of " + (services ? "the services of " : "") + socket + " (namespace " + netns
                + ") to 127.0.0.1");
        forwarder.run();
    }

    private static void usage() {
        System.err.println("Usage: PortForwarder [--services] --netns /run/netns/NAME --socket /path/to/docker.sock");
        System.exit(2);
    }

    /** Follows the engine for as long as this process lives; an engine that goes away is waited for. */
    void run() throws InterruptedException {
        boolean connected = true;
        while (true) {
            try {
                // Subscribe first, then look: a container started in between is seen by the look.
                engine.follow(published.events(), this::reconcile, event -> reconcile());
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

    /** Listeners for exactly the ports published now. */
    synchronized void reconcile() {
        Map<Integer, String> wanted;
        try {
            wanted = published.ports().apply(engine.get(published.list()));
        } catch (IOException | RuntimeException e) {
            log("cannot list what is published: " + e.getMessage());
            return;
        }
        for (var it = relays.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().target().equals(wanted.get(entry.getKey()))) {
                entry.getValue().close();
                it.remove();
                log("127.0.0.1:" + entry.getKey() + " closed");
            }
        }
        refused.retainAll(wanted.keySet());
        wanted.forEach((port, target) -> {
            if (relays.containsKey(port)) {
                return;
            }
            try {
                relays.put(port, PortRelay.open(port, target, published.dialer().apply(port, target), PortForwarder::log));
                refused.remove(port);
                log("127.0.0.1:" + port + " -> " + published.where().apply(port, target));
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
