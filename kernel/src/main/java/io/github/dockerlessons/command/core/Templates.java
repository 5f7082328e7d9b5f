package io.github.dockerlessons.command.core;

import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.template.TemplateException;

/** Running a Go template for a command: a template error is the CLI's, with the CLI's exit status. */
public final class Templates {
    private Templates() {
    }

    @FunctionalInterface
    public interface Rendering {
        Bundle render() throws TemplateException;
    }

    public static Bundle render(Rendering rendering) throws DockerError {
        try {
            return rendering.render();
        } catch (TemplateException e) {
            throw failure(e);
        }
    }

    @FunctionalInterface
    public interface Execution {
        String execute() throws TemplateException;
    }

    /**
     * Prints a template's text; when it fails, prints what it had written (as version and info do)
     * and then fails with its error.
     */
    public static void print(CommandContext ctx, Execution execution) throws DockerError {
        try {
            ctx.console().out(execution.execute());
        } catch (TemplateException e) {
            if (!e.output().isEmpty()) {
                ctx.console().out(e.output());
            }
            throw failure(e);
        }
    }

    @FunctionalInterface
    public interface Check<T> {
        T check() throws TemplateException;
    }

    /** A check of a template before the command runs (ps parses and tries --format first). */
    public static <T> T check(Check<T> check) throws DockerError {
        try {
            return check.check();
        } catch (TemplateException e) {
            throw failure(e);
        }
    }

    public static DockerError failure(TemplateException e) {
        return new DockerError(e.status(), e.getMessage(), "hint.template");
    }

    /** A table (it has HTML) is the command's answer; plain template text is printed like the CLI's. */
    public static void answer(CommandContext ctx, Bundle bundle) {
        if (bundle.data().containsKey("text/html")) {
            ctx.console().result(bundle);
        } else {
            ctx.console().out(bundle.plainText());
        }
    }
}
