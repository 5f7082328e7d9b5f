package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;

/**
 * {@code docker network|volume|service|secret|config inspect [-f FORMAT] NAME...}: the engine's JSON
 * of each object it keeps at {@code API_PATH/NAME}, answered as {@link Inspection} answers every
 * inspect. The five differ only in their usage line, what their arguments name and the API path, so
 * each command's file names those three and this class does the rest.
 */
public abstract class ObjectInspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");

    private final String apiPath;

    /**
     * @param path    the command's path ("network inspect")
     * @param usage   the CLI's usage line
     * @param names   what each argument names, for completion
     * @param apiPath where the engine answers for one object, before its name ("/networks/")
     */
    protected ObjectInspectCommand(String path, String usage, NameKind names, String apiPath) {
        super(CommandSpec.command(path, usage)
                .flags(FORMAT)
                .takes(Arity.atLeast(1), Arguments.each(names)));
        this.apiPath = apiPath;
    }

    @Override
    public final void run(Invocation in, CommandContext ctx) throws DockerError, InterruptedException {
        Inspection.inspectAll(ctx, in.args(), apiPath, in.get(FORMAT));
    }
}
