package io.github.dockerlessons.command.compose;

import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.api.ContainerSummary;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Since;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.compose.ComposeNames;

import java.util.List;
import java.util.Set;

/**
 * {@code docker compose logs}: the project's containers' output, each line after its container's
 * name; -f follows until every container has ended or the stop button.
 */
public final class ComposeLogsCommand extends DeclaredCommand {
    private static final Flag<Boolean> FOLLOW = Flag.bool('f', "follow");
    private static final Flag<String> TAIL = Flag.of('n', "tail", FlagType.STRING, "all").defaultShownAs("\"all\"");
    private static final Flag<Boolean> TIMESTAMPS = Flag.bool('t', "timestamps");
    private static final Flag<Boolean> NO_COLOR = Flag.bool("no-color");
    private static final Flag<Boolean> NO_LOG_PREFIX = Flag.bool("no-log-prefix");
    private static final Flag<String> SINCE = Flag.string("since");
    private static final Flag<Integer> INDEX = Flag.integer((char) 0, "index", 0).shownAs("int");

    public ComposeLogsCommand() {
        super(CommandSpec.command("compose logs", "docker compose logs [OPTIONS] [SERVICE...]")
                .flags(ComposeProjectFlags.HIDDEN_WITHOUT_F)
                .flags(FOLLOW, INDEX, NO_COLOR, NO_LOG_PREFIX, SINCE, TAIL, TIMESTAMPS)
                .takes(Arity.atLeast(0), ComposeProjectFlags.SERVICES));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DaemonError, DockerError, InterruptedException {
        String project = ComposeProjectFlags.projectName(in, ctx);
        Integer tail = null;
        if (!in.get(TAIL).equals("all")) {
            try {
                tail = Integer.parseInt(in.get(TAIL));
            } catch (NumberFormatException e) {
                tail = null;
            }
        }
        Integer since = null;
        if (in.get(SINCE) != null) {
            try {
                since = (int) Since.epochSeconds(in.get(SINCE), ctx.clock());
            } catch (IllegalArgumentException e) {
                throw new DockerError(1, "invalid value for \"since\": failed to parse value as time or duration: \""
                        + in.get(SINCE) + "\"");
            }
        }
        List<ContainerSummary> containers = new ProjectContainers(ctx).containers(project, true, in.args(), false);
        int index = in.get(INDEX);
        if (index > 0) {
            containers = containers.stream().filter(c -> String.valueOf(index)
                    .equals(c.getLabels().get(ComposeNames.CONTAINER_NUMBER))).toList();
        }
        LogFollower.Selection selection = new LogFollower.Selection(tail, since, in.get(TIMESTAMPS));
        try (LogPanel panel = new LogPanel(ctx.console(), !in.get(NO_LOG_PREFIX),
                n -> ctx.messages().get("compose.logs.dropped", n))) {
            LogFollower follower = new LogFollower(ctx, project, panel);
            if (in.get(FOLLOW)) {
                follower.follow(containers, selection, Set.of(), LogFollower.Until.ALL_ENDED);
            } else {
                follower.printAll(containers, selection);
            }
        }
    }
}
