package io.github.dockerlessons.command.container;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code docker port}: where the container's ports are published on the host. */
public final class PortCommand extends DeclaredCommand {
    public PortCommand() {
        super(CommandSpec.command("port", "docker port CONTAINER [PRIVATE_PORT[/PROTO]]")
                .aliases("docker container port", "docker port")
                .takes(new Arity(1, 2), Arguments.first(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        List<String> args = in.args();
        var container = ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(args.get(0))).exec());
        Map<ExposedPort, Ports.Binding[]> bindings = container.getNetworkSettings().getPorts().getBindings();
        List<ExposedPort> ports = new ArrayList<>(bindings.keySet());
        ports.sort(Comparator.comparingInt(ExposedPort::getPort).thenComparing(p -> p.getProtocol().toString()));
        StringBuilder out = new StringBuilder();
        String wanted = args.size() > 1 ? (args.get(1).contains("/") ? args.get(1) : args.get(1) + "/tcp") : null;
        boolean found = false;
        for (ExposedPort port : ports) {
            String key = port.getPort() + "/" + port.getProtocol();
            if (wanted != null && !wanted.equals(key)) {
                continue;
            }
            Ports.Binding[] hostBindings = bindings.get(port);
            if (hostBindings == null) {
                continue;
            }
            for (Ports.Binding binding : hostBindings) {
                String ip = binding.getHostIp() == null || binding.getHostIp().isEmpty() ? "0.0.0.0" : binding.getHostIp();
                String host = ip.contains(":") ? "[" + ip + "]" : ip;
                out.append(wanted == null ? key + " -> " : "").append(host).append(':')
                        .append(binding.getHostPortSpec()).append('\n');
                found = true;
            }
        }
        if (wanted != null && !found) {
            throw new DockerError(1, "Error: No public port '" + wanted + "' published for " + args.get(0));
        }
        ctx.console().out(out.toString());
        PublishedPorts.showLinks(ctx, container.getId());
    }
}
