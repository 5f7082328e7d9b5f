package io.github.dockerlessons.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code .env} format as Compose reads it (for the project's .env and a service's env_file):
 * {@code KEY=value} a line, an optional {@code export } before it, {@code #} comments (after an
 * unquoted value only when a blank precedes them), single quotes taken literally, double quotes with
 * {@code \n} and {@code \"} escapes, and {@code ${VAR}} in unquoted and double-quoted values, from the
 * lines above or the environment. A bare {@code KEY} takes its value from the environment.
 */
public final class DotEnv {
    private DotEnv() {
    }

    /** A line that is not KEY=value, in compose-go's words (without the file). */
    public static final class BadLine extends Exception {
        private final int line;

        BadLine(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * The variables of {@code text}, in order; {@code outside} gives the environment's value of a name
     * (for bare keys and for ${VAR} of a name not defined above).
     */
    public static Map<String, String> parse(String text, Function<String, Optional<String>> outside) throws BadLine {
        try {
            return parse(text, outside, LoadGuard.unstoppable());
        } catch (Interpolation.LimitExceeded e) {
            throw new BadLine(e.line(), e.getMessage());
        } catch (ComposeFileError e) {
            throw new IllegalStateException("an unstoppable load stopped", e);
        }
    }

    /** As above, within a load: the stop button and the load's substitution budget apply. */
    static Map<String, String> parse(String text, Function<String, Optional<String>> outside, LoadGuard guard)
            throws BadLine, Interpolation.LimitExceeded, ComposeFileError {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            guard.check();
            String line = lines[n].strip();
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).stripLeading();
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                    throw new BadLine(n + 1, "unexpected character \"" + c + "\" in variable name \"" + key + "\"");
                }
            }
            if (key.isEmpty()) {
                throw new BadLine(n + 1, "zero length string");
            }
            if (eq < 0) {
                outside.apply(key).ifPresent(v -> values.put(key, v));
                continue;
            }
            try {
                values.put(key, value(line.substring(eq + 1).strip(), name -> {
                    String known = values.get(name);
                    return known != null ? Optional.of(known) : outside.apply(name);
                }, n + 1, guard));
            } catch (Interpolation.LimitExceeded e) {
                throw e.atLine(n + 1);
            }
        }
        return values;
    }

    private static String value(String raw, Function<String, Optional<String>> lookup, int line, LoadGuard guard)
            throws BadLine, Interpolation.LimitExceeded {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw new BadLine(line, "unterminated quoted value " + raw);
            }
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            int i = 1;
            for (; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char e = raw.charAt(++i);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    });
                } else if (c == '"') {
                    break;
                } else {
                    out.append(c);
                }
            }
            if (i >= raw.length()) {
                throw new BadLine(line, "unterminated quoted value " + raw);
            }
            return expand(out.toString(), lookup, guard);
        }
        int comment = raw.indexOf(" #");
        String value = comment < 0 ? raw : raw.substring(0, comment).strip();
        return expand(value, lookup, guard);
    }

    private static String expand(String value, Function<String, Optional<String>> lookup, LoadGuard guard)
            throws Interpolation.LimitExceeded {
        if (value.indexOf('$') < 0) {
            return value;
        }
        try {
            return new Interpolation(lookup, warning -> { }, guard).substitute(value);
        } catch (Interpolation.InvalidTemplate | Interpolation.MissingRequired e) {
            return value;
        }
    }
}
