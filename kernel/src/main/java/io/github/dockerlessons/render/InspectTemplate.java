package io.github.dockerlessons.render;

import com.google.gson.JsonParser;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;

/**
 * {@code docker inspect -f}: docker's template inspector. The format is parsed as given (no \t or
 * \n expansion); a parse error is "template parsing error: ..." with status 64, an execution error
 * the same words with status 1. Like the CLI's TemplateInspector, it runs in two passes: first over
 * the typed object, where a key missing from a map ({@code .Config.Labels.nope}) is Go's default,
 * {@code <no value>}, and a field missing from a struct fails; when that fails, over the raw JSON with
 * missingkey=error, whose result or error is the answer ({@code map has no entry for key "Nope"}).
 */
public final class InspectTemplate {
    private final GoTemplate typed;
    private final GoTemplate raw;

    private InspectTemplate(GoTemplate template) {
        this.typed = template.withMissingKey(GoTemplate.MissingKey.ERROR_IN_STRUCTS);
        this.raw = template.withMissingKey(GoTemplate.MissingKey.ERROR);
    }

    public static InspectTemplate parse(String format) throws TemplateException {
        try {
            return new InspectTemplate(GoTemplate.parse(format));
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 64);
        }
    }

    /** The template over one object's JSON as the engine sent it. */
    public String execute(String rawJson) throws TemplateException {
        Object data = InspectValues.decode(JsonParser.parseString(rawJson));
        try {
            return typed.execute(data);
        } catch (TemplateException typedFailed) {
            // the CLI's tryRawInspectFallback: the typed pass's error is never shown
        }
        try {
            return raw.execute(data);
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 1);
        }
    }
}
