package io.github.dockerlessons.command.system;

import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.command.Inspection;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import picocli.CommandLine.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker inspect}: the engine's JSON for containers or images, as the CLI prints it (an
 * indented array), and as JSON data that JupyterLab shows as a tree.
 */
public final class InspectCommand extends DockerCommand {
    @Option(names = {"-f", "--format"}, paramLabel = "string")
    String format;

    @Option(names = "--type", paramLabel = "string")
    String type;

    @Option(names = {"-s", "--size"})
    boolean size;

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String usage() {
        return "docker inspect [OPTIONS] NAME|ID [NAME|ID...]";
    }

    @Override
    public Arity arity() {
        return Arity.atLeast(1);
    }

    @Override
    public void execute(CommandContext ctx) throws DockerError, InterruptedException {
        List<String> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : args) {
            String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
            try {
                objects.add(firstFound(ctx, paths(encoded)));
            } catch (DaemonError e) {
                errors.add(e.isNotFound() ? "Error: No such object: " + name : e.cliText());
            } catch (EngineUnreachable e) {
                throw unreachable(e);
            }
        }
        Inspection.answer(ctx, objects, errors, format);
    }

    private String[] paths(String encoded) {
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

    private static String firstFound(CommandContext ctx, String... paths) throws DaemonError, EngineUnreachable {
        DaemonError last = null;
        for (String path : paths) {
            try {
                return ctx.engine().requestText(path).trim();
            } catch (DaemonError e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
