package io.github.dockerlessons.render.template;

import io.github.dockerlessons.render.template.Node.ListNode;

import java.util.HashMap;
import java.util.Map;

/**
 * A parsed Go template with docker's functions, as docker/cli's {@code templates.Parse} makes it:
 * {@link #parse} then {@link #execute}. The parts follow Go's text/template: {@link Lexer},
 * {@link Parser}, {@link Executor}, {@link Builtins} and {@link DockerFunctions}, with {@link GoFormat}
 * for fmt.
 */
public final class GoTemplate {
    private final String name;
    private final String text;
    private final Map<String, ListNode> trees;
    private final Map<String, GoFunction> functions;
    private final MissingKey missingKey;

    /** What a key that a map lacks gives: Go's option missingkey. */
    public enum MissingKey {
        /** Go's default: the invalid value (printed {@code <no value>}, false in {@code if} and {@code with}). */
        DEFAULT,
        /** missingkey=error: "map has no entry for key". */
        ERROR,
        /**
         * docker inspect's first pass, over its typed structs: a map (Labels, Options...) gives the
         * invalid value, while an object that is a struct in docker's types (decoded as a map that
         * prints as a struct, and the top-level object) has no such field: an error.
         */
        ERROR_IN_STRUCTS
    }

    private GoTemplate(String name, String text, Map<String, ListNode> trees, Map<String, GoFunction> functions,
                       MissingKey missingKey) {
        this.name = name;
        this.text = text;
        this.trees = trees;
        this.functions = functions;
        this.missingKey = missingKey;
    }

    /** docker's templates.Parse(text): an unnamed template with docker's functions. */
    public static GoTemplate parse(String text) throws TemplateException {
        return parse("", text, Map.of());
    }

    /** A template named {@code name} with docker's functions and {@code extra} ones. */
    public static GoTemplate parse(String name, String text, Map<String, GoFunction> extra) throws TemplateException {
        Map<String, GoFunction> functions = new HashMap<>(Builtins.all());
        functions.putAll(DockerFunctions.basic());
        functions.putAll(extra);
        try {
            return new GoTemplate(name, text, Parser.parse(name, text, functions.keySet()), Map.copyOf(functions),
                    MissingKey.DEFAULT);
        } catch (StackOverflowError e) {
            throw new TemplateException("template: " + name + ":1: max expression depth exceeded");
        }
    }

    /** The same template with Go's option missingkey=error: a missing map key is an error. */
    public GoTemplate withMissingKeyError() {
        return withMissingKey(MissingKey.ERROR);
    }

    /** The same template with a missing key treated as {@code missingKey} says. */
    public GoTemplate withMissingKey(MissingKey missingKey) {
        return new GoTemplate(name, text, trees, functions, missingKey);
    }

    /** Runs the template over {@code data}; plain Java lists, maps and numbers are taken as Go's. */
    public String execute(Object data) throws TemplateException {
        return execute(data, Map.of());
    }

    /**
     * Runs it with some functions replaced, as {@code tmpl.Funcs(...)} before Execute does (the header
     * row of a table runs with docker's header functions).
     */
    public String execute(Object data, Map<String, GoFunction> replaced) throws TemplateException {
        Map<String, GoFunction> run = functions;
        if (!replaced.isEmpty()) {
            run = new HashMap<>(functions);
            run.putAll(replaced);
        }
        StringBuilder out = new StringBuilder();
        try {
            new Executor(text, name, trees, run, missingKey, out).execute(name, GoValues.of(data));
        } catch (Executor.Failure e) {
            throw new TemplateException(e.getMessage(), out.toString(), 1);
        } catch (StackOverflowError e) {
            throw new TemplateException("template: " + name + ": exceeded maximum template depth (100000)",
                    out.toString(), 1);
        }
        return out.toString();
    }
}
