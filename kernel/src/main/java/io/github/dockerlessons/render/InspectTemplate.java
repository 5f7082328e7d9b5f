package io.github.dockerlessons.render;

import com.google.gson.JsonParser;
import io.github.dockerlessons.render.template.GoTemplate;
import io.github.dockerlessons.render.template.TemplateException;

/**
 * {@code docker inspect -f}: docker's template inspector. The format is parsed as given (no \t or
 * \n expansion); a parse error is "template parsing error: ..." with status 64, an execution error
 * the same words with status 1; a missing key is an error (missingkey=error).
 */
public final class InspectTemplate {
    private final GoTemplate template;

    private InspectTemplate(GoTemplate template) {
        this.template = template;
    }

    public static InspectTemplate parse(String format) throws TemplateException {
        try {
            return new InspectTemplate(GoTemplate.parse(format).withMissingKeyError());
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 64);
        }
    }

    /** The template over one object's JSON as the engine sent it. */
    public String execute(String rawJson) throws TemplateException {
        try {
            return template.execute(InspectValues.decode(JsonParser.parseString(rawJson)));
        } catch (TemplateException e) {
            throw e.as("template parsing error: ", 1);
        }
    }
}
