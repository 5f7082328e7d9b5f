package io.github.dockerlessons.command.container;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code docker create}: a container made from an image, not started; prints its full ID. */
public final class CreateCommand extends DockerCommand {
    @Mixin
    ContainerOptions options = new ContainerOptions();

    @Override
    public String name() {
        return "create";
    }

    @Override
    public String usage() {
        return "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public List<String> aliases() {
        return List.of("docker container create", "docker create");
    }

    @Override
    public boolean flagsEndAtFirstArgument() {
        return true;
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        try {
            // Created for a later `start -a`, so the streams are attachable, as the CLI does.
            String id = ContainerCreator.create(ctx, options, args.get(0),
                    List.copyOf(args.subList(1, args.size())), true);
            ctx.console().out(id + "\n");
        } catch (DaemonError e) {
            throw new DockerError(1, e.cliText());
        } catch (EngineUnreachable e) {
            throw unreachable(e);
        }
    }
}
