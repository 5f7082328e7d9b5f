package io.github.dockerlessons.command.swarm;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.NameKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker service|secret|config rm NAME...}, as the CLI removes what a swarm keeps by name:
 * each one removed is printed as named, the refusals are reported together at the end, and the stop
 * button ends the command at once. The three differ only in their words and API path, so each
 * command's file names those and this class does the rest.
 */
public abstract class SwarmRmCommand extends DeclaredCommand {
    private final String apiPath;

    /**
     * @param group   the command group ("service"), whose rm is also called remove
     * @param usage   the CLI's usage line
     * @param names   what each argument names, for completion
     * @param apiPath where the engine answers for one object, before its name ("/services/")
     */
    protected SwarmRmCommand(String group, String usage, NameKind names, String apiPath) {
        super(CommandSpec.command(group + " rm", usage)
                .aliases("docker " + group + " rm", "docker " + group + " remove")
                .takes(Arity.atLeast(1), Arguments.each(names)));
        this.apiPath = apiPath;
    }

    @Override
    public final void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        List<String> errors = new ArrayList<>();
        for (String name : in.args()) {
            try {
                SwarmApi.delete(ctx, SwarmApi.path(apiPath, name));
                ctx.console().out(name + "\n");
            } catch (DockerError e) {
                if (e.status() == 130) {
                    throw e;
                }
                errors.add(e.cliText());
            }
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors), null);
        }
    }
}
