package io.github.dockerlessons.command.container;

import io.github.dockerlessons.api.ContainerSummary;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.LocalMachine;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.Html;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Published ports, as a student wants them: after {@code run -p} a link that opens the container's
 * port in the browser, and when a port is already taken, the name of the container that holds it.
 */
public final class PublishedPorts {
    private static final Pattern ALLOCATED = Pattern.compile("Bind for ([^ ]*):(\\d+) failed: port is already allocated");

    private PublishedPorts() {
    }

    /** The classroom's port dialer of the student's engine (install/classroom.d/port_dialer.py), when there is one. */
    static final String DIALER_VARIABLE = "DOCKER_CLASSROOM_PORTS_SOCKET";
    /** The path of the student's server under the hub, such as /user/NAME/ (JupyterHub sets it). */
    static final String PREFIX_VARIABLE = "JUPYTERHUB_SERVICE_PREFIX";

    /**
     * The classroom's proxy of the student's own server for a local engine, such as /user/NAME/proxy/,
     * or null: in a classroom the engine's published ports live in the student's own network namespace,
     * out of the browser's reach, and open through /user/NAME/proxy/PORT/ instead.
     */
    public static String classroomProxy(LocalMachine machine, String engineHost) {
        String prefix = machine.variable(PREFIX_VARIABLE);
        if (machine.variable(DIALER_VARIABLE).isEmpty() || prefix.isEmpty() || engineHost.startsWith("tcp://")) {
            return null;
        }
        return (prefix.endsWith("/") ? prefix : prefix + "/") + "proxy/";
    }

    /** The classroom's port dialer socket, when the published ports are the classroom's (see {@link #classroomProxy}). */
    public static Path classroomDialer(LocalMachine machine, String engineHost) {
        return classroomProxy(machine, engineHost) == null ? null : Path.of(machine.variable(DIALER_VARIABLE));
    }

    /** Whether something accepts a connection on the port of the student's engine (a classroom's). */
    public static boolean answersInClassroom(LocalMachine machine, String engineHost, int port) {
        try {
            return PortDialer.probe(classroomDialer(machine, engineHost), port, Duration.ofSeconds(10)) == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where a published port opens in the browser. */
    public static String url(LocalMachine machine, String engineHost, int port) {
        String proxy = classroomProxy(machine, engineHost);
        return proxy != null ? proxy + port + "/" : "http://" + host(engineHost) + ":" + port;
    }

    /** Where published ports answer: the engine's own host for a remote engine, else this computer. */
    public static String host(String engineHost) {
        if (engineHost.startsWith("tcp://")) {
            String host = URI.create(engineHost).getHost();
            return host == null ? "127.0.0.1" : host;
        }
        return "127.0.0.1";
    }

    /** A display of links to the container's published TCP ports, if it has any. */
    static void showLinks(CommandContext ctx, String containerId) throws InterruptedException {
        Map<ExposedPort, Ports.Binding[]> bindings;
        try {
            bindings = ctx.answer(client -> client.inspectContainerCmd(containerId).exec()).getNetworkSettings().getPorts()
                    .getBindings();
        } catch (DaemonError | DockerError e) {
            return; // gone already: nothing to open
        }
        TreeSet<Integer> ports = new TreeSet<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : bindings.entrySet()) {
            if (entry.getValue() == null || !"tcp".equals(entry.getKey().getProtocol().toString())) {
                continue;
            }
            for (Ports.Binding binding : entry.getValue()) {
                try {
                    ports.add(Integer.parseInt(binding.getHostPortSpec()));
                } catch (NumberFormatException ignored) {
                    // a range is not one address to open
                }
            }
        }
        if (!ports.isEmpty()) {
            LocalMachine machine = ctx.discovery().machine();
            String engineHost = ctx.engineHost();
            ctx.console().show(links(ports.stream().map(port -> url(machine, engineHost, port)).toList()));
        }
    }

    static Bundle links(List<String> urls) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"docker-ports\">");
        for (String url : urls) {
            text.append(url).append('\n');
            html.append("<div>&#8599; <a href=\"").append(Html.escape(url)).append("\" target=\"_blank\" rel=\"noopener\">")
                    .append(Html.escape(url)).append("</a></div>");
        }
        return Bundle.text(text.toString()).with("text/html", html.append("</div>").toString());
    }

    /**
     * "port is already allocated": the same error, with a hint naming the container that publishes
     * the port (when there is one).
     */
    static DockerError explainAllocated(CommandContext ctx, DaemonError e, int status, String cliText)
            throws InterruptedException {
        Matcher m = ALLOCATED.matcher(e.daemonMessage());
        if (!m.find()) {
            return null;
        }
        int port = Integer.parseInt(m.group(2));
        String holder = null;
        try {
            for (ContainerSummary container : ctx.read(ContainerSummary.running())) {
                for (ContainerSummary.Port published : container.getPorts()) {
                    if (published.publicPort() != null && published.publicPort() == port) {
                        holder = container.getNames()[0].replaceFirst("^/", "");
                    }
                }
            }
        } catch (DaemonError | DockerError ignored) {
            // the hint is a help; without the listing it names no container
        }
        // the hint suggests the next port (8080 -> 8081), one that can exist
        int another = port < 65535 ? port + 1 : port - 1;
        return holder == null ? new DockerError(status, cliText, "hint.port.allocated", port, another)
                : new DockerError(status, cliText, "hint.port.allocated.by", port, holder);
    }
}
