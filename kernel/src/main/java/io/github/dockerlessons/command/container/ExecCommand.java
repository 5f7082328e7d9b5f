package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.container.options.InvalidOptions;
import io.github.dockerlessons.command.container.options.KeyValueFile;
import io.github.dockerlessons.command.container.options.ProcessFlags;
import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.stream.ContainerOutput;
import io.github.dockerlessons.command.stream.StdinSource;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.HijackedStream;
import io.github.dockerlessons.render.TerminalText;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code docker exec}: run a command in a running container, streaming its output. */
public final class ExecCommand extends DeclaredCommand {
    private static final Flag<Boolean> INTERACTIVE = Flag.bool('i', "interactive");
    private static final Flag<Boolean> TTY = Flag.bool('t', "tty");
    private static final Flag<Boolean> DETACH = Flag.bool('d', "detach");
    private static final Flag<List<String>> ENV = Flag.of('e', "env", ProcessFlags.ENV_TYPE, List.of());
    private static final Flag<List<String>> ENV_FILE = Flag.list("env-file");
    private static final Flag<Boolean> PRIVILEGED = Flag.bool("privileged");
    /** Taken and without effect: a cell has no keyboard to detach from. */
    private static final Flag<String> DETACH_KEYS = Flag.string("detach-keys");
    private static final Flag<String> WORKDIR = Flag.string('w', "workdir");
    private static final Flag<String> USER = Flag.string('u', "user");

    public ExecCommand() {
        super(CommandSpec.command("exec", "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]")
                .aliases("docker container exec", "docker exec")
                .flags(DETACH, DETACH_KEYS, ENV, ENV_FILE, INTERACTIVE, PRIVILEGED, TTY, USER, WORKDIR)
                .takes(Arity.atLeast(2), Arguments.first(NameKind.RUNNING_CONTAINER))
                .flagsEndAtFirstArgument());
    }

    /** docker/cli's execOptions, one per run. */
    private record Options(boolean interactive, boolean tty, boolean detach, List<String> env, String workdir,
                           String user, boolean privileged, String container, List<String> command) {
        static Options of(Invocation in) throws DockerError {
            List<String> env;
            try {
                env = KeyValueFile.environment(in.get(ENV_FILE), in.get(ENV));
            } catch (InvalidOptions e) {
                throw new DockerError(1, e.getMessage());
            }
            return new Options(in.get(INTERACTIVE), in.get(TTY), in.get(DETACH), env, in.get(WORKDIR),
                    in.get(USER), in.get(PRIVILEGED), in.arg(0), in.argsFrom(1));
        }
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        Options o = Options.of(in);
        Optional<StdinSource> chosen = o.detach() ? Optional.of(StdinSource.none())
                : StdinSource.choose(o.interactive(), o.tty(), ctx.heredoc(), ctx.console());
        if (chosen.isEmpty()) {
            throw new DockerError(1, "", "hint.exec.needs.heredoc", o.container(), String.join(" ", o.command()));
        }
        StdinSource stdin = chosen.get();
        String execId = ctx.answer(client -> {
            var cmd = client.execCreateCmd(Engine.pathSegment(o.container()))
                    .withCmd(o.command().toArray(new String[0]))
                    .withAttachStdout(!o.detach()).withAttachStderr(!o.detach())
                    .withAttachStdin(stdin.attaches()).withTty(o.tty());
            if (!o.env().isEmpty()) {
                cmd.withEnv(o.env());
            }
            if (o.workdir() != null) {
                cmd.withWorkingDir(o.workdir());
            }
            if (o.user() != null) {
                cmd.withUser(o.user());
            }
            if (o.privileged()) {
                cmd.withPrivileged(true);
            }
            return cmd.exec().getId();
        });
        if (o.detach()) {
            ctx.answer(client -> client.execStartCmd(execId).withDetach(true).withTty(o.tty())
                    .exec(new ContainerOutput(ctx.console())).awaitCompletion());
            return;
        }
        ContainerOutput output = new ContainerOutput(ctx.console(), o.tty());
        if (!o.tty()) {
            output.expectMultiplexed(); // as the CLI's stdcopy: a chunk without a header is an error
        }
        HijackedStream hijacked = null;
        try {
            if (stdin.attaches()) {
                hijacked = ctx.hijack("/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":" + o.tty() + "}",
                        o.tty());
            }
            if (hijacked != null) {
                if (o.tty()) {
                    output.answerThrough(hijacked::send);
                }
                hijacked.start(stdin.open(output), output);
                if (o.tty()) {
                    ctx.answer(client -> client.resizeExecCmd(execId)
                            .withSize(TerminalText.ROWS, TerminalText.COLUMNS).exec());
                }
                ctx.untilDone(null, client -> output.awaitCompletion());
            } else {
                ctx.untilDone(null, client -> {
                    var start = client.execStartCmd(execId).withTty(o.tty());
                    if (stdin.attaches()) {
                        start.withStdIn(stdin.open(output));
                    }
                    return start.exec(ctx.cancellation().register(output)).awaitCompletion();
                });
            }
        } finally {
            ctx.cancellation().unregister(output);
            if (hijacked != null) {
                ctx.cancellation().unregister(hijacked);
                try {
                    hijacked.close();
                } catch (IOException ignored) {
                    // already closed by the engine
                }
            }
        }
        if (output.malformed() != null) {
            throw new DockerError(1, output.malformed(), output.malformedHint());
        }
        Long exit = ctx.answer(client -> client.inspectExecCmd(execId).exec().getExitCodeLong());
        if (exit != null && exit != 0) {
            throw DockerError.exitStatus(exit);
        }
    }
}
