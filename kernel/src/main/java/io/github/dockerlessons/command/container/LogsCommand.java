package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Since;
import io.github.dockerlessons.engine.StreamPump;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker logs}: what a container printed, stdout and stderr kept apart. */
public final class LogsCommand extends DockerCommand {
    @Option(names = {"-n", "--tail"}, paramLabel = "string")
    String tail = "all";

    @Option(names = {"-t", "--timestamps"})
    boolean timestamps;

    @Option(names = {"-f", "--follow"})
    boolean follow;

    @Option(names = "--since", paramLabel = "string")
    String since;

    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String usage() {
        return "docker logs [OPTIONS] CONTAINER";
    }

    @Override
    public Arity arity() {
        return Arity.exactly(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container logs", "docker logs");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        Integer tailLines = null;
        if (!tail.equals("all")) {
            try {
                tailLines = Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                tailLines = null; // the CLI passes any other word through and the engine shows all
            }
        }
        Integer lines = tailLines;
        Integer sinceSeconds = null;
        if (since != null) {
            try {
                sinceSeconds = (int) Since.epochSeconds(since, ctx.clock());
            } catch (IllegalArgumentException e) {
                throw new DockerError(1, "invalid value for \"since\": failed to parse value as time or duration: \""
                        + since + "\"");
            }
        }
        Integer from = sinceSeconds;
        StreamPump pump = new StreamPump(ctx.console());
        try {
            engine(ctx, client -> {
                var cmd = client.logContainerCmd(args.get(0)).withStdOut(true).withStdErr(true)
                        .withTimestamps(timestamps).withFollowStream(follow);
                if (from != null) {
                    cmd.withSince(from);
                }
                if (lines != null && lines >= 0) {
                    cmd.withTail(lines);
                } else {
                    cmd.withTailAll();
                }
                return cmd.exec(ctx.cancellation().register(pump)).awaitCompletion();
            });
        } finally {
            ctx.cancellation().unregister(pump);
        }
    }
}
