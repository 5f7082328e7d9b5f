package io.github.dockerlessons.render.template;

import java.util.List;

/**
 * A value with fields and methods for templates, like docker's formatter contexts
 * ({@code .Names}, {@code .Label "com.example"}).
 */
public interface TemplateObject {
    /** The field's value, or {@link #NO_FIELD} when there is none. */
    Object field(String name);

    /** A method call; the default has none. */
    default Object call(String method, List<Object> args) throws TemplateException {
        throw new TemplateException("can't evaluate field " + method);
    }

    /** What {@code {{json .}}} prints. */
    Object toJsonValue();

    Object NO_FIELD = new Object();
}
