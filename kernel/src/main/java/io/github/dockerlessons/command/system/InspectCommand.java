package io.github.dockerlessons.command.system;

import io.github.dockerlessons.command.core.Arguments;
import io.github.dockerlessons.command.core.Arity;
import io.github.dockerlessons.command.core.CommandContext;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DeclaredCommand;
import io.github.dockerlessons.command.core.DockerError;
import io.github.dockerlessons.command.core.Inspection;
import io.github.dockerlessons.command.core.Invocation;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.flags.ValueCompletion;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker inspect}: the engine's JSON for containers or images, as the CLI prints it (an
 * indented array), and as JSON data that JupyterLab shows as a tree.
 */
public final class InspectCommand extends DeclaredCommand {
    private static final Flag<String> FORMAT = Flag.string('f', "format");
    private static final Flag<String> TYPE = Flag.string("type")
            .completes(ValueCompletion.words("container", "image", "network", "volume"));
    private static final Flag<Boolean> SIZE = Flag.bool('s', "size");

    public InspectCommand() {
        super(CommandSpec.command("inspect", "docker inspect [OPTIONS] NAME|ID [NAME|ID...]")
                .flags(FORMAT, SIZE, TYPE)
                .takes(Arity.atLeast(1), Arguments.each(NameKind.ANY_CONTAINER)));
    }

    @Override
    public void run(Invocation in, CommandContext ctx) throws DockerError, DaemonError, InterruptedException {
        String type = in.get(TYPE);
        boolean size = in.get(SIZE);
        List<String> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : in.args()) {
            String[] paths = paths(Engine.encode(name), type, size);
            try {
                objects.add(firstFound(ctx, paths));
            } catch (DaemonError e) {
                errors.add(e.isNotFound() || e.daemonMessage().contains("invalid reference format")
                        ? "Error: No such object: " + name : e.cliText());
            }
        }
        Inspection.answer(ctx, objects, errors, in.get(FORMAT));
    }

    private static String[] paths(String encoded, String type, boolean size) {
        String container = "/containers/" + encoded + "/json" + (size ? "?size=1" : "");
        String image = "/images/" + encoded + "/json";
        String volume = "/volumes/" + encoded;
        String network = "/networks/" + encoded;
        if (type == null || type.isEmpty()) {
            return new String[]{container, image, volume, network};
        }
        return switch (type) {
            case "container" -> new String[]{container};
            case "image" -> new String[]{image};
            case "volume" -> new String[]{volume};
            case "network" -> new String[]{network};
            default -> new String[]{container, image};
        };
    }

    private static String firstFound(CommandContext ctx, String... paths)
            throws DaemonError, DockerError, InterruptedException {
        DaemonError last = null;
        for (String path : paths) {
            try {
                return ctx.answer(RawRequest.text(path)).trim();
            } catch (DaemonError e) {
                // A name no object can have ("a$b" as an image reference) is as missing as any other.
                if (!e.isNotFound() && !e.daemonMessage().contains("invalid reference format")) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
