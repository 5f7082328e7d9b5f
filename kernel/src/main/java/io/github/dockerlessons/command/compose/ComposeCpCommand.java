package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code docker compose cp SERVICE:SRC DEST} (or {@code SRC SERVICE:DEST}): the service's container
 * put in the service's place, then {@code docker cp} does the copying, so both copy the same way;
 * Compose's panel reports it ("demo-web-1 copy demo-web-1:/etc/hostname to . Copied").
 */
public final class ComposeCpCommand extends HandingOn {
    private static final Flag<Boolean> ARCHIVE = Flag.bool('a', "archive");
    private static final Flag<Boolean> FOLLOW_LINK = Flag.bool('L', "follow-link");
    private static final Flag<Integer> INDEX = Flag.integer((char) 0, "index", 0).shownAs("int");
    private static final Flag<Boolean> ALL = Flag.bool("all").hidden();

    public ComposeCpCommand(Supplier<CommandRegistry> registry) {
        super(CommandSpec.command("compose cp",
                        "docker compose cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-\n"
                                + "\tdocker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH")
                .flags(ComposeProjectFlags.HIDDEN)
                .flags(ALL, ARCHIVE, FOLLOW_LINK, INDEX)
                .arity(Arity.exactly(2)), registry);
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        String source = in.arg(0);
        String dest = in.arg(1);
        boolean fromService = serviceOf(source) != null;
        if (fromService == (serviceOf(dest) != null)) {
            throw new DockerError(1, fromService ? "copying between services is not supported"
                    : "unknown copy direction");
        }
        String withService = fromService ? source : dest;
        String service = serviceOf(withService);
        ContainerSummary c = ServiceTargets.one(in, ctx, service, in.get(INDEX), true);
        String inContainer = ProjectContainers.name(c) + withService.substring(service.length());
        List<String> argv = new ArrayList<>(List.of("cp"));
        if (in.get(ARCHIVE)) {
            argv.add("--archive");
        }
        if (in.get(FOLLOW_LINK)) {
            argv.add("--follow-link");
        }
        argv.add(fromService ? inContainer : source);
        argv.add(fromService ? dest : inContainer);
        String name = ProjectContainers.name(c);
        String path = withService.substring(service.length() + 1);
        String line = name + " copy " + (fromService ? name + ":" + path + " to " + dest : source + " to " + name + ":" + path);
        ProgressPanel progress = new ProgressPanel(ctx.console(), "Copying");
        progress.working(line, "Copying");
        try {
            handOn(argv, ctx);
            progress.done(line, "Copied");
        } catch (DockerError e) {
            progress.error(line, "Error");
            throw e;
        } finally {
            progress.finish();
        }
    }

    /** The service in "SERVICE:PATH", or null for a local path (as docker cp tells them apart). */
    private static String serviceOf(String arg) {
        int colon = arg.indexOf(':');
        if (colon <= 0 || arg.startsWith(".") || arg.startsWith("/")) {
            return null;
        }
        return arg.substring(0, colon);
    }
}
