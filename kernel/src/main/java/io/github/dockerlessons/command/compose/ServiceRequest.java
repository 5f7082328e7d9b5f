package io.github.dockerlessons.command.compose;

import com.google.gson.JsonObject;
import io.github.dockerlessons.command.container.ContainerCreator;
import io.github.dockerlessons.command.container.options.CreateRequest;
import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.compose.ComposeNames;
import io.github.dockerlessons.compose.ComposeProject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A service's container in the one container model of run and create: the service is said in
 * run's flags ({@code --publish}, {@code --volume}, {@code --network-alias}, ...), read by the same
 * code that reads a typed {@code docker run}, and the request is the same JSON. What run's flags
 * cannot say is set on the request after: Compose's entrypoint is a list, and {@code stdin_open}
 * keeps stdin open without attaching it.
 */
final class ServiceRequest {
    private ServiceRequest() {
    }

    /**
     * How one container is made: its name, its number (0 for a one-off), whether it is a one-off of
     * run (with its own command and stdin), and whether other containers reach it by the service's name.
     */
    record Plan(String name, int number, boolean oneOff, List<String> command, String slug,
                boolean interactive, boolean serviceAliases) { }

    /** The networks a service joins, by key, sorted; the first is the one it is created on. */
    static List<String> networkKeys(ComposeProject.Service service) {
        return new ArrayList<>(service.networks().isEmpty() ? List.of("default")
                : new TreeSet<>(service.networks().keySet()));
    }

    /** The create request's body for the service's container; {@code labels} are Compose's own. */
    static JsonObject body(ComposeProject project, ComposeProject.Service service, Plan plan,
                           Map<String, String> labels) throws DockerError {
        List<String> command = plan.command() != null ? plan.command()
                : service.command() != null ? service.command() : List.of();
        JsonObject body;
        try {
            body = ContainerCreator.request(flags(project, service, plan, labels),
                    ComposeNames.image(project.name(), service), command);
        } catch (InvalidOptions e) {
            throw new DockerError(1, e.getMessage());
        }
        if (service.entrypoint() != null) {
            body.add("Entrypoint", CreateRequest.strings(service.entrypoint()));
        }
        if (service.stdinOpen()) {
            body.addProperty("OpenStdin", true);
        }
        RunSettingsFlags.applyExecTest(service, body);
        return body;
    }

    /** The service as the words of {@code docker create}, one word per flag. */
    static List<String> flags(ComposeProject project, ComposeProject.Service service, Plan plan,
                              Map<String, String> labels) {
        List<String> flags = new ArrayList<>();
        flags.add("--name=" + plan.name());
        labels.forEach((key, value) -> flags.add("--label=" + key + "=" + value));
        if (service.tty()) {
            flags.add("--tty");
        }
        if (plan.interactive()) {
            flags.add("--interactive");
        }
        service.environment().forEach(env -> flags.add("--env=" + env));
        addIfSet(flags, "--workdir=", service.workingDir());
        addIfSet(flags, "--hostname=", service.hostname());
        addIfSet(flags, "--user=", service.user());
        addIfSet(flags, "--stop-signal=", service.stopSignal());
        if (service.stopGraceSeconds() != null) {
            flags.add("--stop-timeout=" + service.stopGraceSeconds());
        }
        if (service.init() != null) {
            flags.add("--init=" + service.init());
        }
        if (!plan.oneOff()) {
            addIfSet(flags, "--restart=", service.restart());
            service.ports().forEach(port -> flags.add("--publish=" + publish(port)));
        }
        service.expose().forEach(port -> flags.add("--expose=" + port));
        for (ComposeProject.Mount mount : service.volumes()) {
            flags.add(mount(project, mount));
        }
        RunSettingsFlags.add(project, service, flags);
        if (service.settings().networkMode() != null) {
            flags.add("--network=" + RunSettingsFlags.network(project, service.settings().networkMode()));
            return flags;
        }
        String primary = networkKeys(service).get(0);
        flags.add("--network=" + project.networks().get(primary).name());
        aliases(service, plan, primary).forEach(alias -> flags.add("--network-alias=" + alias));
        return flags;
    }

    /** Compose's aliases on a network: the container's name, the service's name, the file's aliases. */
    static List<String> aliases(ComposeProject.Service service, Plan plan, String networkKey) {
        List<String> aliases = new ArrayList<>();
        aliases.add(plan.name());
        if (plan.serviceAliases()) {
            aliases.add(service.name());
            aliases.addAll(service.networks().getOrDefault(networkKey, List.of()));
        }
        return aliases;
    }

    /** A port as {@code -p} says it: [IP:][PUBLISHED]:TARGET/PROTOCOL, an IPv6 address in brackets. */
    static String publish(ComposeProject.Port port) {
        String ip = port.hostIp() == null ? "" : port.hostIp().contains(":") ? "[" + port.hostIp() + "]" : port.hostIp();
        String spec;
        if (ip.isEmpty()) {
            spec = port.published().isEmpty() ? port.target() : port.published() + ":" + port.target();
        } else {
            spec = ip + ":" + port.published() + ":" + port.target();
        }
        return spec + "/" + (port.protocol() == null ? "tcp" : port.protocol());
    }

    /** A mount as {@code -v} or {@code --tmpfs} says it; a named volume by its engine name. */
    private static String mount(ComposeProject project, ComposeProject.Mount mount) {
        if (mount.type().equals("tmpfs")) {
            return "--tmpfs=" + mount.target();
        }
        String source = mount.type().equals("bind") ? mount.source()
                : mount.source() == null ? null : project.volumes().get(mount.source()).name();
        if (source == null) {
            return "--volume=" + mount.target();
        }
        return "--volume=" + source + ":" + mount.target() + (mount.readOnly() ? ":ro" : ":rw");
    }

    private static void addIfSet(List<String> flags, String flag, String value) {
        if (value != null) {
            flags.add(flag + value);
        }
    }
}
