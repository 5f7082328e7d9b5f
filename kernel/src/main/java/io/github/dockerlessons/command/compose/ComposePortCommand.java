package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code docker compose port SERVICE PRIVATE_PORT}: where the service's container publishes that port ("0.0.0.0:8080"). */
public final class ComposePortCommand extends DeclaredCommand {
    private static final Flag<String> PROTOCOL = Flag.string("protocol").defaultShownAs("\"tcp\"");
    private static final Flag<Integer> INDEX = Flag.integer((char) 0, "index", 0).shownAs("int");

    public ComposePortCommand() {
        super(CommandSpec.command("compose port",
                        "docker compose port [OPTIONS] SERVICE PRIVATE_PORT")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(INDEX, PROTOCOL)
                .takes(new Arity(2, 2), ComposeProjectFlags.FIRST_SERVICE));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        int port;
        try {
            port = Integer.parseInt(in.arg(1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new DockerError(1, "strconv.ParseUint: parsing \"" + in.arg(1) + "\": "
                    + (in.arg(1).matches("\\d+") ? "value out of range" : "invalid syntax"), "hint.compose.port.number");
        }
        String protocol = in.get(PROTOCOL) == null || in.get(PROTOCOL).isEmpty() ? "tcp"
                : in.get(PROTOCOL).toLowerCase(Locale.ROOT);
        ContainerSummary c = ServiceTargets.one(in, ctx, in.arg(0), in.get(INDEX), false);
        List<String> published = new ArrayList<>();
        for (ContainerSummary.Port p : c.getPorts() == null ? new ContainerSummary.Port[0] : c.getPorts()) {
            if (p.privatePort() != null && p.privatePort() == port && protocol.equals(p.type())) {
                ctx.console().out((p.ip() == null ? "" : p.ip()) + ":"
                        + (p.publicPort() == null ? 0 : p.publicPort()) + "\n");
                return;
            }
            published.add(p.privatePort() + "/" + p.type());
        }
        throw new DockerError(1, "no port " + port + "/" + protocol + " for container " + ProjectContainers.name(c) + ": "
                + String.join(", ", published), "hint.compose.port.unpublished");
    }
}
