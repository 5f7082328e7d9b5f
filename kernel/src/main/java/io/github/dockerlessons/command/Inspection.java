package io.github.dockerlessons.command;

import com.google.gson.JsonParser;
import com.github.dockerjava.transport.DockerHttpClient;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.engine.EngineUnreachable;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.JsonIndent;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;

import java.util.ArrayList;
import java.util.List;

/**
 * How every inspect command answers: with {@code -f}, the template once per object; otherwise the
 * objects as one indented JSON array (and as JSON data, a tree in JupyterLab). The objects found are
 * shown before the errors of those that were not, as the CLI does.
 */
public final class Inspection {
    private Inspection() {
    }

    public static void answer(CommandContext ctx, List<String> objects, List<String> errors, String format)
            throws DockerError {
        if (format != null && !format.isEmpty()) {
            GoTemplate template;
            try {
                template = GoTemplate.parse(format.replace("\\t", "\t").replace("\\n", "\n"));
            } catch (TemplateException e) {
                throw new DockerError(1, e.getMessage(), "hint.template");
            }
            StringBuilder out = new StringBuilder();
            for (String object : objects) {
                out.append(Templates.text(() -> template.execute(GoTemplate.fromJson(JsonParser.parseString(object)))))
                        .append('\n');
            }
            ctx.console().out(out.toString());
        } else {
            String array = "[" + String.join(",", objects) + "]";
            ctx.console().result(Bundle.text(JsonIndent.indent(array, "", "    ") + "\n")
                    .with("application/json", JsonParser.parseString(array)));
        }
        if (!errors.isEmpty()) {
            throw new DockerError(1, String.join("\n", errors));
        }
    }

    /** The engine's JSON for each named object under {@code prefix}, answered as {@link #answer} does. */
    public static void inspectAll(CommandContext ctx, List<String> names, String prefix, String format)
            throws DockerError, InterruptedException {
        List<String> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                objects.add(ctx.request(client -> ctx.engine().requestJson(DockerHttpClient.Request.Method.GET,
                        prefix + EngineGateway.encode(name))).toString());
            } catch (DaemonError e) {
                errors.add(e.cliText());
            } catch (EngineUnreachable e) {
                throw ctx.unreachable(e);
            }
        }
        answer(ctx, objects, errors, format);
    }
}
