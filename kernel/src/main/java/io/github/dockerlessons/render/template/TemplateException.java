package io.github.dockerlessons.render.template;

/**
 * A template that cannot be parsed or executed. The message is Go's, word for word; {@link #output()}
 * is what execution had written before it failed (the CLI prints it in some commands), and
 * {@link #status()} the exit status the docker CLI gives this failure.
 */
public final class TemplateException extends Exception {
    private final String output;
    private final int status;

    public TemplateException(String message) {
        this(message, "", 1);
    }

    public TemplateException(String message, String output, int status) {
        super(message, null, false, false);
        this.output = output;
        this.status = status;
    }

    /** The same failure with the CLI's prefix ("template parsing error: ") and exit status. */
    public TemplateException as(String prefix, int exitStatus) {
        return new TemplateException(prefix + getMessage(), output, exitStatus);
    }

    public String output() {
        return output;
    }

    public int status() {
        return status;
    }
}
