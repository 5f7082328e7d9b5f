package io.github.dockerlessons.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose's variable substitution in a file's values (keys are left as written): {@code $VAR} and
 * {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR-default}} (a default when unset or empty /
 * only when unset), {@code ${VAR:+alt}} and {@code ${VAR+alt}}, {@code ${VAR:?message}} and
 * {@code ${VAR?message}} (an error when missing), defaults that hold variables themselves, and
 * {@code $$} for a literal {@code $}. The values come from the environment and the project's .env
 * file. A variable that is not set becomes empty with Compose's warning; the errors are compose-go's.
 */
public final class Interpolation {
    /** Defaults and alternatives inside each other ({@code ${A:-${B:-...}}}): each level is a recursion. */
    static final int MAX_NESTING = 100;

    private final Function<String, Optional<String>> lookup;
    private final Consumer<String> warnings;
    private final LoadGuard guard;

    /**
     * @param lookup   a variable's value, empty when it is not set
     * @param warnings where Compose's warnings go ("The "X" variable is not set...")
     */
    public Interpolation(Function<String, Optional<String>> lookup, Consumer<String> warnings) {
        this(lookup, warnings, LoadGuard.unstoppable());
    }

    Interpolation(Function<String, Optional<String>> lookup, Consumer<String> warnings, LoadGuard guard) {
        this.lookup = lookup;
        this.warnings = warnings;
        this.guard = guard;
    }

    /** The tree with every value substituted; a substituted value is a string, as in compose-go. */
    public YamlNode apply(YamlNode node, String file) throws ComposeFileError {
        return walk(node, "", file);
    }

    private YamlNode walk(YamlNode node, String path, String file) throws ComposeFileError {
        guard.check();
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            for (YamlNode.Entry entry : mapping.entries().values()) {
                String inner = path.isEmpty() ? entry.key() : path + "." + entry.key();
                entries.put(entry.key(), new YamlNode.Entry(entry.key(), entry.keyPosition(),
                        walk(entry.value(), inner, file)));
            }
            return new YamlNode.Mapping(mapping.position(), entries);
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                items.add(walk(item, path + ".[]", file));
            }
            return new YamlNode.Sequence(sequence.position(), items);
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        if (scalar.kind() != YamlNode.Kind.STRING || scalar.text().indexOf('$') < 0) {
            return scalar;
        }
        try {
            return new YamlNode.Scalar(scalar.position(), substitute(scalar.text()), YamlNode.Kind.STRING, false);
        } catch (InvalidTemplate e) {
            throw new ComposeFileError("invalid interpolation format for " + path
                    + ".\nYou may need to escape any $ with another $.\n" + scalar.text(), file, scalar.position());
        } catch (MissingRequired e) {
            throw new ComposeFileError("error while interpolating " + path + ": " + e.getMessage(), file,
                    scalar.position());
        } catch (LimitExceeded e) {
            throw ComposeFileError.limit("error while interpolating " + path + ": " + e.getMessage(), file,
                    scalar.position(), e.limit());
        }
    }

    /**
     * A value past one of the kernel's limits: defaults nested too deeply, or more substituted text
     * than a load may produce (a .env whose variables double would otherwise fill the heap).
     */
    public static final class LimitExceeded extends Exception {
        private final ComposeFileError.Limit limit;
        private final int line;

        LimitExceeded(String message, ComposeFileError.Limit limit) {
            this(message, limit, 0);
        }

        private LimitExceeded(String message, ComposeFileError.Limit limit, int line) {
            super(message, null, false, false);
            this.limit = limit;
            this.line = line;
        }

        public ComposeFileError.Limit limit() {
            return limit;
        }

        /** The .env line it happened on, 0 for none. */
        public int line() {
            return line;
        }

        LimitExceeded atLine(int at) {
            return new LimitExceeded(getMessage(), limit, at);
        }
    }

    private static LimitExceeded tooLarge() {
        long mib = LoadGuard.MAX_EXPANDED_CHARS / (1024 * 1024);
        return new LimitExceeded("substituted values exceed " + mib + " MiB",
                new ComposeFileError.Limit("hint.compose.limit.expanded", mib));
    }

    /** A template that is not one: "${" without its closing brace, or "${1abc}". */
    static final class InvalidTemplate extends Exception {
        InvalidTemplate() {
            super(null, null, false, false);
        }
    }

    /** {@code ${VAR?message}} with VAR missing, in compose-go's words. */
    static final class MissingRequired extends Exception {
        MissingRequired(String variable, String reason) {
            super(reason.isEmpty() ? "required variable " + variable + " is missing a value"
                    : "required variable " + variable + " is missing a value: " + reason, null, false, false);
        }
    }

    /** One value with its variables replaced. */
    public String substitute(String template) throws InvalidTemplate, MissingRequired, LimitExceeded {
        return substitute(template, 0);
    }

    private String substitute(String template, int nesting) throws InvalidTemplate, MissingRequired, LimitExceeded {
        if (nesting > MAX_NESTING) {
            throw new LimitExceeded("defaults nest more than " + MAX_NESTING + " deep",
                    new ComposeFileError.Limit("hint.compose.limit.nesting", MAX_NESTING));
        }
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < template.length() && isNamePart(template.charAt(end))) {
                    end++;
                }
                append(out, valueOf(template.substring(i + 1, end)));
                i = end;
            } else if (next == '{') {
                int close = closingBrace(template, i + 1);
                if (close < 0) {
                    throw new InvalidTemplate();
                }
                append(out, braced(template.substring(i + 2, close), nesting));
                i = close + 1;
            } else {
                out.append(c); // "$" before anything else stays as written, as in compose-go
                i++;
            }
        }
        return out.toString();
    }

    /** Adds a variable's value, counted against what the load may substitute in all. */
    private void append(StringBuilder out, String value) throws LimitExceeded {
        if (!guard.charge(value.length())) {
            throw tooLarge();
        }
        out.append(value);
    }

    private String braced(String body, int nesting) throws InvalidTemplate, MissingRequired, LimitExceeded {
        if (body.isEmpty() || !isNameStart(body.charAt(0))) {
            throw new InvalidTemplate();
        }
        int end = 1;
        while (end < body.length() && isNamePart(body.charAt(end))) {
            end++;
        }
        String name = body.substring(0, end);
        if (end == body.length()) {
            return valueOf(name);
        }
        boolean colon = body.charAt(end) == ':';
        int opAt = colon ? end + 1 : end;
        if (opAt >= body.length() || "-+?".indexOf(body.charAt(opAt)) < 0) {
            throw new InvalidTemplate();
        }
        char op = body.charAt(opAt);
        String argument = body.substring(opAt + 1);
        Optional<String> value = lookup.apply(name);
        boolean present = value.isPresent() && (!colon || !value.get().isEmpty());
        return switch (op) {
            case '-' -> present ? value.get() : substitute(argument, nesting + 1);
            case '+' -> present ? substitute(argument, nesting + 1) : value.orElse("");
            default -> {
                if (!present) {
                    throw new MissingRequired(name, substitute(argument, nesting + 1));
                }
                yield value.get();
            }
        };
    }

    private String valueOf(String name) {
        Optional<String> value = lookup.apply(name);
        if (value.isEmpty()) {
            warnings.accept("The \"" + name + "\" variable is not set. Defaulting to a blank string.");
            return "";
        }
        return value.get();
    }

    /** compose-go's getFirstBraceClosingIndex, from the "{" at {@code open}: braces nest. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            if (c == '{') {
                depth++;
                i++;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
