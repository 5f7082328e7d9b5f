package io.github.dockerlessons.portforward;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The routing mesh of a Swarm cluster of private engines (install/cluster), for this computer: each
 * port a service publishes listens on 127.0.0.1, and each connection goes to the next running task of
 * the service, on whichever node it runs, through the ingress network's VXLAN. The engine's own mesh
 * needs IPVS, which this machine's kernel lacks (no CONFIG_IP_VS): this one spreads connections over
 * the tasks in turn, from inside the manager's ingress sandbox (dockerd's {@code ingress_sbox}
 * namespace, joined to every node's tasks by the ingress overlay).
 */
final class ServiceMesh {
    private static final String EVENTS = "/events?filters=" + encode("{\"type\":[\"service\"]}");
    private static final String INGRESS = "ingress";

    private final EngineSocket engine;
    private final String sandboxPath;
    private final AtomicInteger turn = new AtomicInteger();
    /** Entered when first needed: the sandbox exists only once the engine is a swarm manager. */
    private NamespaceConnector sandbox;

    ServiceMesh(EngineSocket engine, String sandboxPath) {
        this.engine = engine;
        this.sandboxPath = sandboxPath;
    }

    /** What the forwarder publishes: the services' ports, each connection to a running task in turn. */
    PortForwarder.Published published() {
        return new PortForwarder.Published(EVENTS, "/services", ServiceMesh::publishedPorts, this::dialer,
                ServiceMesh::where);
    }

    /**
     * The TCP ports services publish through the routing mesh, each with its target: "SERVICE-ID:PORT",
     * the port the tasks listen on. An engine that is no swarm manager answers an error object: nothing.
     */
    static Map<Integer, String> publishedPorts(JsonElement services) {
        Map<Integer, String> ports = new TreeMap<>();
        if (!services.isJsonArray()) {
            return ports;
        }
        for (JsonElement element : services.getAsJsonArray()) {
            JsonObject service = element.getAsJsonObject();
            JsonObject endpoint = service.has("Endpoint") ? service.getAsJsonObject("Endpoint") : null;
            JsonElement list = endpoint == null ? null : endpoint.get("Ports");
            if (list == null || !list.isJsonArray()) {
                continue;
            }
            for (JsonElement p : list.getAsJsonArray()) {
                JsonObject port = p.getAsJsonObject();
                String protocol = port.has("Protocol") ? port.get("Protocol").getAsString() : "tcp";
                String mode = port.has("PublishMode") ? port.get("PublishMode").getAsString() : INGRESS;
                if (!port.has("PublishedPort") || !port.has("TargetPort") || !protocol.equals("tcp")
                        || !mode.equals(INGRESS)) {
                    continue;
                }
                ports.put(port.get("PublishedPort").getAsInt(),
                        service.get("ID").getAsString() + ":" + port.get("TargetPort").getAsInt());
            }
        }
        return ports;
    }

    /** The ingress addresses of a service's running tasks, from the engine's task list. */
    static List<String> taskAddresses(JsonElement tasks) {
        List<String> addresses = new ArrayList<>();
        if (!tasks.isJsonArray()) {
            return addresses;
        }
        for (JsonElement element : tasks.getAsJsonArray()) {
            JsonObject task = element.getAsJsonObject();
            JsonObject status = task.has("Status") ? task.getAsJsonObject("Status") : null;
            if (status == null || !"running".equals(status.has("State") ? status.get("State").getAsString() : "")
                    || !task.has("NetworksAttachments")) {
                continue;
            }
            for (JsonElement a : task.getAsJsonArray("NetworksAttachments")) {
                JsonObject attachment = a.getAsJsonObject();
                JsonObject network = attachment.getAsJsonObject("Network");
                // The ingress network is flagged so (its name is "ingress" unless made otherwise)
                JsonObject spec = network == null ? null : network.getAsJsonObject("Spec");
                boolean ingress = spec != null && spec.has("Ingress") && spec.get("Ingress").getAsBoolean();
                if (ingress && attachment.has("Addresses") && !attachment.getAsJsonArray("Addresses").isEmpty()) {
                    String cidr = attachment.getAsJsonArray("Addresses").get(0).getAsString();
                    addresses.add(cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr);
                }
            }
        }
        return addresses;
    }

    private static String where(int port, String target) {
        return "port " + target.substring(target.lastIndexOf(':') + 1) + " of service "
                + target.substring(0, target.lastIndexOf(':')) + ", its running tasks in turn";
    }

    private PortRelay.Dialer dialer(int port, String target) {
        int colon = target.lastIndexOf(':');
        String service = target.substring(0, colon);
        int targetPort = Integer.parseInt(target.substring(colon + 1));
        return () -> dial(service, targetPort);
    }

    /** A connection to the next running task that takes it; the tasks are asked afresh each time. */
    private SocketChannel dial(String service, int targetPort) throws IOException {
        List<String> addresses = taskAddresses(engine.get("/tasks?filters="
                + encode("{\"service\":[\"" + service + "\"],\"desired-state\":[\"running\"]}")));
        if (addresses.isEmpty()) {
            throw new IOException("no running task of service " + service);
        }
        int first = Math.floorMod(turn.getAndIncrement(), addresses.size());
        IOException last = null;
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get((first + i) % addresses.size());
            try {
                return sandbox().connect(address, targetPort);
            } catch (IOException e) {
                last = e;
            }
        }
        // The sandbox may be a new one (the swarm was left and made again): enter it again next time.
        forgetSandbox();
        throw last;
    }

    private synchronized NamespaceConnector sandbox() throws IOException {
        if (sandbox == null) {
            sandbox = new NamespaceConnector(sandboxPath);
        }
        return sandbox;
    }

    private synchronized void forgetSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
