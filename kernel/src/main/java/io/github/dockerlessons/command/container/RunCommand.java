package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.ProcessFlags;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagType;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.stream.StdinSource;
import io.github.dockerlessons.engine.DaemonError;

import java.util.List;
import java.util.Optional;

/**
 * {@code docker run}: create a container (pulling its image if missing), start it, follow it.
 * {@code --detach-keys} and {@code --sig-proxy} are taken and have no effect: a cell has no keyboard
 * to detach from, and its stop button always sends the container SIGINT, as the CLI's signal proxy.
 */
public final class RunCommand extends DeclaredCommand {
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<String> DETACH_KEYS = Flag.string("detach-keys");
    private static final Flag<Boolean> SIG_PROXY = Flag.of((char) 0, "sig-proxy", FlagType.BOOL, true)
            .defaultShownAs("true");

    public RunCommand() {
        super(CommandSpec.command("run", "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]")
                .aliases("docker container run", "docker run")
                .flags(ContainerOptions.FLAGS).flags(DETACH, DETACH_KEYS, SIG_PROXY)
                .takes(Arity.atLeast(1), Arguments.first(NameKind.IMAGE))
                .flagsEndAtFirstArgument());
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean detach = in.get(DETACH);
        ContainerOptions options;
        try {
            options = ContainerOptions.of(in);
        } catch (InvalidOptions e) {
            throw failure(e);
        }
        if (detach && !in.get(ProcessFlags.ATTACH).isEmpty()) {
            throw new DockerError(1, "conflicting options: cannot specify both --attach and --detach");
        }
        String image = in.arg(0);
        List<String> command = in.argsFrom(1);
        Optional<StdinSource> stdin = detach ? Optional.of(StdinSource.none())
                : StdinSource.choose(options.interactive(), options.tty(), ctx.heredoc(), ctx.console());
        if (stdin.isEmpty()) {
            throw new DockerError(125, "", "hint.interactive.needs.heredoc", "docker run");
        }
        try {
            String id = ContainerCreator.create(ctx, options, image, command, detach);
            if (detach) {
                // As the CLI, the ID before the start: a start the engine refuses (a port already
                // allocated) still leaves a container, and its ID is what the reader removes.
                ctx.console().out(id + "\n");
                ctx.answer(client -> client.startContainerCmd(id).exec());
                PublishedPorts.showLinks(ctx, id);
                return;
            }
            int status = ForegroundAttach.run(ctx, id, new ForegroundAttach.Plan(stdin.get(), options.tty(),
                    options.autoRemove(), client -> client.startContainerCmd(id).exec()));
            if (status != 0) {
                throw DockerError.exitStatus(status);
            }
        } catch (InvalidOptions e) {
            throw failure(e);
        } catch (DaemonError e) {
            int status = statusFor(e.daemonMessage());
            String cliText = "docker: " + e.cliText() + "\n\nRun 'docker run --help' for more information";
            DockerError allocated = PublishedPorts.explainAllocated(ctx, e, status, cliText);
            throw allocated != null ? allocated : new DockerError(status, cliText);
        }
    }

    /** An option error as the CLI reports it from run: "docker: ...", where to read more, status 125. */
    private static DockerError failure(InvalidOptions e) {
        if (e.beforeParsing()) {
            return new DockerError(1, e.getMessage());
        }
        return new DockerError(125, "docker: " + e.getMessage() + "\n\nRun 'docker run --help' for more information",
                "hint.see.help", "docker run");
    }

    /** The CLI's run status: 127 command not found, 126 cannot be invoked, else 125. */
    static int statusFor(String daemonMessage) {
        if (daemonMessage.contains("executable file not found") || daemonMessage.contains("no such file or directory")
                || daemonMessage.contains("system cannot find the file specified")) {
            return 127;
        }
        if (daemonMessage.contains("permission denied") || daemonMessage.contains("is a directory")) {
            return 126;
        }
        return 125;
    }
}
