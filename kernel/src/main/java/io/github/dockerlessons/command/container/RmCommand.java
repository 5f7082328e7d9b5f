package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.core.Targets;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;

/** {@code docker rm}: remove containers; -f also stops running ones, -v removes anonymous volumes. */
public final class RmCommand extends DeclaredCommand {
    private static final Flag<Boolean> FORCE = Flag.bool('f', "force");
    private static final Flag<Boolean> VOLUMES = Flag.bool('v', "volumes");

    public RmCommand() {
        super(CommandSpec.command("rm", "docker rm [OPTIONS] CONTAINER [CONTAINER...]")
                .aliases("docker container rm", "docker container remove", "docker rm")
                .flags(FORCE, VOLUMES)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        boolean force = in.get(FORCE);
        boolean volumes = in.get(VOLUMES);
        Targets.forEach(ctx, in.args(), true, target -> {
            try {
                ctx.untilDone(ctx.messages().get("interrupt.engine.removing", target),
                        client -> client.removeContainerCmd(Engine.pathSegment(target))
                                .withForce(force).withRemoveVolumes(volumes).exec());
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
