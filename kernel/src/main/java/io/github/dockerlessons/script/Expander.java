package io.github.dockerlessons.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed words into the argument strings of a command, as sh does: variables and substitutions
 * are replaced, and their unquoted results are split into words at blanks and newlines (so that
 * {@code docker rm `docker ps -a -q`} removes every listed container); {@code $(pwd)} is the notebook's
 * folder, the one builtin a substitution runs here. There is no globbing: a
 * notebook has no working files to match. An unset variable is an error naming it, as under
 * {@code set -u}, because an empty argument in its place gives a puzzling docker error instead.
 */
public final class Expander {

    /** Runs a substitution's script and returns what it printed on stdout. */
    @FunctionalInterface
    public interface SubstitutionRunner {
        String run(Script script) throws Exception;
    }

    /** A substitution whose command failed; the runner has already reported why. */
    public static final class SubstitutionFailed extends Exception {
        public SubstitutionFailed(Throwable cause) {
            super(cause);
        }
    }

    private final Variables variables;
    private final SubstitutionRunner runner;
    private final long limit;

    /**
     * @param limit the most characters one command's expanded words (or one value) may hold: a value
     *              doubled cell after cell ({@code A=$A$A}) is an error naming the limit, never an
     *              exhausted memory
     */
    public Expander(Variables variables, SubstitutionRunner runner, long limit) {
        this.variables = variables;
        this.runner = runner;
        this.limit = limit;
    }

    /** The words of a command, expanded and split into fields. */
    public List<String> expandWords(List<Word> words) throws ScriptException, SubstitutionFailed {
        List<String> fields = new ArrayList<>();
        long total = 0;
        for (Word word : words) {
            int before = fields.size();
            splitInto(word, fields);
            for (int i = before; i < fields.size(); i++) {
                total += fields.get(i).length();
            }
            check(total);
        }
        return fields;
    }

    /** One word expanded without splitting: assignment values and heredoc bodies. */
    public String expandWhole(Word word) throws ScriptException, SubstitutionFailed {
        StringBuilder out = new StringBuilder();
        for (WordPart part : word.parts()) {
            out.append(valueOf(part));
            check(out.length());
        }
        return out.toString();
    }

    private void check(long size) throws ScriptException {
        if (limit > 0 && size > limit) {
            throw new ScriptException(false, "script.expansion.too.large", limit);
        }
    }

    private void splitInto(Word word, List<String> fields) throws ScriptException, SubstitutionFailed {
        StringBuilder field = new StringBuilder();
        boolean started = false;
        for (WordPart part : word.parts()) {
            String value = valueOf(part);
            check((long) field.length() + value.length());
            if (part.quoted() || part instanceof WordPart.Literal) {
                field.append(value);
                started = true;
                continue;
            }
            // Unquoted expansion: blanks separate fields and vanish at either end.
            int i = 0;
            while (i < value.length()) {
                char c = value.charAt(i);
                if (isSeparator(c)) {
                    if (started) {
                        fields.add(field.toString());
                        field.setLength(0);
                        started = false;
                    }
                    i++;
                } else {
                    field.append(c);
                    started = true;
                    i++;
                }
            }
        }
        if (started) {
            fields.add(field.toString());
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private String valueOf(WordPart part) throws ScriptException, SubstitutionFailed {
        if (part instanceof WordPart.Literal literal) {
            return literal.text();
        }
        if (part instanceof WordPart.Variable variable) {
            return variables.get(variable.name())
                    .orElseThrow(() -> new ScriptException(false, "script.unset.variable", variable.name()));
        }
        WordPart.Substitution substitution = (WordPart.Substitution) part;
        if (PwdBuiltin.isPwd(substitution.script())) {
            return variables.folder();
        }
        String output;
        try {
            output = runner.run(substitution.script());
        } catch (ScriptException e) {
            throw e;
        } catch (Exception e) {
            throw new SubstitutionFailed(e);
        }
        // As in sh, trailing newlines of the output are dropped.
        int end = output.length();
        while (end > 0 && output.charAt(end - 1) == '\n') {
            end--;
        }
        return output.substring(0, end);
    }
}
