package io.github.dockerlessons.render.template;

/** A template that cannot be parsed or executed; the message is Go's wording where it matters. */
public final class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
