package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Since;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.stream.ContainerOutput;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker logs}: what a container printed, stdout and stderr kept apart; -f follows until stopped. */
public final class LogsCommand extends DeclaredCommand {
    private static final Flag<String> TAIL = Flag.of('n', "tail", FlagType.STRING, "all");
    private static final Flag<Boolean> TIMESTAMPS = Flag.bool('t', "timestamps");
    private static final Flag<Boolean> FOLLOW = Flag.bool('f', "follow");
    private static final Flag<String> SINCE = Flag.string("since");
    private static final Flag<String> UNTIL = Flag.string("until");

    public LogsCommand() {
        super(CommandSpec.command("logs", "docker logs [OPTIONS] CONTAINER")
                .aliases("docker container logs", "docker logs")
                .flags(FOLLOW, SINCE, TAIL, TIMESTAMPS, UNTIL)
                .takes(Arity.exactly(1), Arguments.each(NameKind.ANY_CONTAINER)));
    }

    /** docker/cli's logsOptions, one per run. */
    private record Options(String container, Integer tail, boolean timestamps, boolean follow, Integer since,
                           Integer until) { }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = options(in, ctx);
        ContainerOutput output = new ContainerOutput(ctx.console());
        // As the CLI: the container's TTY decides whether the stream is multiplexed (stdcopy) or raw.
        var inspected = ctx.answer(client -> client.inspectContainerCmd(Engine.pathSegment(o.container())).exec());
        if (inspected.getConfig() == null || !Boolean.TRUE.equals(inspected.getConfig().getTty())) {
            output.expectMultiplexed();
        }
        try {
            ctx.untilDone(null, client -> {
                var cmd = client.logContainerCmd(Engine.pathSegment(o.container())).withStdOut(true).withStdErr(true)
                        .withTimestamps(o.timestamps()).withFollowStream(o.follow());
                if (o.since() != null) {
                    cmd.withSince(o.since());
                }
                if (o.until() != null) {
                    cmd.withUntil(o.until());
                }
                if (o.tail() != null && o.tail() >= 0) {
                    cmd.withTail(o.tail());
                } else {
                    cmd.withTailAll();
                }
                return cmd.exec(ctx.cancellation().register(output)).awaitCompletion();
            });
        } finally {
            ctx.cancellation().unregister(output);
        }
        if (output.malformed() != null) {
            throw new DockerError(1, output.malformed(), output.malformedHint());
        }
    }

    private static Options options(Invocation in, CommandContext ctx) throws DockerError {
        String tail = in.get(TAIL);
        Integer lines = null;
        if (!tail.equals("all")) {
            try {
                lines = Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                lines = null; // the CLI passes any other word through and the engine shows all
            }
        }
        return new Options(in.arg(0), lines, in.get(TIMESTAMPS), in.get(FOLLOW), time(in, SINCE, ctx),
                time(in, UNTIL, ctx));
    }

    /** --since and --until: a time or a duration before now, in the engine client's words when neither. */
    private static Integer time(Invocation in, Flag<String> flag, CommandContext ctx) throws DockerError {
        String text = in.get(flag);
        if (text == null) {
            return null;
        }
        try {
            // docker-java takes an int: a time past 2038 is the end of time for a log, as it is for the engine
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Since.epochSeconds(text, ctx.clock())));
        } catch (IllegalArgumentException e) {
            throw new DockerError(1, "invalid value for \"" + flag.name() + "\": failed to parse value as time or duration: \""
                    + text + "\"");
        }
    }
}
