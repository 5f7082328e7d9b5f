package io.github.dockerlessons.command.system;

import com.google.gson.JsonParser;
import io.github.dockerlessons.command.Arity;
import io.github.dockerlessons.command.CommandContext;
import io.github.dockerlessons.command.DockerCommand;
import io.github.dockerlessons.command.DockerError;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.JsonIndent;
import io.github.dockerlessons.command.Templates;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;
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
        if (format != null && !format.isEmpty()) {
            GoTemplate template = parse(format);
            StringBuilder out = new StringBuilder();
            for (String object : objects) {
                String line = Templates.text(() -> template.execute(GoTemplate.fromJson(JsonParser.parseString(object))));
                out.append(line).append('\n');
            }
            ctx.console().out(out.toString());
            if (!errors.isEmpty()) {
                throw new DockerError(1, String.join("\n", errors));
            }
            return;
        }
        String array = "[" + String.join(",", objects) + "]";
        String text = JsonIndent.indent(array, "", "    ") + "\n";
        ctx.console().result(Bundle.text(text).with("application/json", JsonParser.parseString(array)));
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors));
        }
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

    private static GoTemplate parse(String format) throws DockerError {
        try {
            return GoTemplate.parse(format.replace("\\t", "\t").replace("\\n", "\n"));
        } catch (TemplateException e) {
            throw new DockerError(1, e.getMessage(), "hint.template");
        }
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
