package io.github.dockerlessons.command;

import io.github.dockerlessons.render.Bundle;
import io.github.dockerlessons.render.template.TemplateException;

/** Running a Go template for a command: a template error is the CLI's, status 1. */
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
            throw new DockerError(1, e.getMessage(), "hint.template");
        }
    }

    @FunctionalInterface
    public interface Execution {
        String execute() throws TemplateException;
    }

    /** A template's text; an execution error is the CLI's, status 1. */
    public static String text(Execution execution) throws DockerError {
        try {
            return execution.execute();
        } catch (TemplateException e) {
            throw new DockerError(1, e.getMessage(), "hint.template");
        }
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
