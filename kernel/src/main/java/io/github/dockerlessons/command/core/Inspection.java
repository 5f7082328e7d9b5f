package io.github.dockerlessons.command.core;

import com.github.dockerjava.transport.DockerHttpClient;
import com.google.gson.JsonParser;
import io.github.dockerlessons.engine.DaemonError;
import io.github.dockerlessons.engine.Engine;
import io.github.dockerlessons.engine.RawRequest;
import io.github.dockerlessons.golang.JsonIndent;
import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.InspectTemplate;
import io.github.dockerlessons.render.template.TemplateException;

import java.util.ArrayList;
import java.util.List;

/**
 * How every inspect command answers: with {@code -f}, the template once per object (docker's
 * template inspector: an object whose template fails adds its error, a blank line stands for no
 * output at all); {@code -f json}, the objects as one compact JSON array; otherwise as one indented
 * JSON array (and as JSON data, a tree in JupyterLab). The objects found are shown before the errors
 * of those that were not, as the CLI does.
 */
public final class Inspection {
    private Inspection() {
    }

    public static void answer(CommandContext ctx, List<String> objects, List<String> errors, String format)
            throws DockerError {
        List<String> failures = new ArrayList<>(errors);
        String hint = null;
        String array = "[" + String.join(",", objects) + "]";
        if (format != null && format.equals("json")) {
            ctx.console().out(JsonIndent.compact(array) + "\n");
        } else if (format != null && !format.isEmpty()) {
            InspectTemplate template = Templates.check(() -> InspectTemplate.parse(format));
            StringBuilder out = new StringBuilder();
            for (String object : objects) {
                try {
                    out.append(template.execute(object)).append('\n');
                } catch (TemplateException e) {
                    failures.add(e.getMessage());
                    hint = "hint.template";
                }
            }
            ctx.console().out(out.length() == 0 ? "\n" : out.toString());
        } else {
            ctx.console().result(Bundle.text(JsonIndent.indent(array, "", "    ") + "\n")
                    .with("application/json", JsonParser.parseString(array)));
        }
        if (!failures.isEmpty()) {
            throw new DockerError(1, String.join("\n", failures), hint);
        }
    }

    /** The engine's JSON for each named object under {@code prefix}, answered as {@link #answer} does. */
    public static void inspectAll(CommandContext ctx, List<String> names, String prefix, String format)
            throws DockerError, InterruptedException {
        List<String> objects = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            try {
                objects.add(ctx.answer(RawRequest.json(DockerHttpClient.Request.Method.GET,
                        prefix + Engine.encode(name))).toString());
            } catch (DaemonError e) {
                errors.add(e.cliText());
            }
        }
        answer(ctx, objects, errors, format);
    }
}
