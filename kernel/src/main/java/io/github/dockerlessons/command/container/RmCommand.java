package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code docker rm}: remove containers; -f also stops running ones, -v removes anonymous volumes. */
public final class RmCommand extends DockerCommand {
    @Option(names = {"-f", "--force"})
    boolean force;

    @Option(names = {"-v", "--volumes"})
    boolean volumes;

    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String usage() {
        return "docker rm [OPTIONS] CONTAINER [CONTAINER...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container rm", "docker container remove", "docker rm");
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        forEachTarget(ctx, args, true, target -> {
            try {
                ctx.engine().run(client -> client.removeContainerCmd(target).withForce(force)
                        .withRemoveVolumes(volumes).exec());
                return true;
            } catch (DaemonError e) {
                // The CLI with -f reports a missing container but does not fail for it.
                if (force && e.isNotFound()) {
                    ctx.console().err(e.cliText() + "\n");
                    return false;
                }
                throw e;
            }
        });
    }
}
