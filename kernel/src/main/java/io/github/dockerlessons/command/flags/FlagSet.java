package io.github.dockerlessons.command.flags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's flags and pflag's rules for reading them, which are what docker users know: long
 * flags as {@code --name value} or {@code --name=value}, bools as {@code --all} or
 * {@code --all=false}, shorthands clustered ({@code -ai}) with a value glued ({@code -n5},
 * {@code -n=5}) or following, repeated flags, {@code --} ending the flags and {@code -} as an
 * argument. Commands that take another program's command line ({@code run IMAGE ls -la}) stop at
 * their first argument (cobra's interspersed off). Every way of getting it wrong is answered in
 * pflag's exact words. The set is immutable; each {@link #parse} builds its own values.
 */
public final class FlagSet {
    private final List<Flag<?>> flags;
    private final Map<String, Flag<?>> byName = new LinkedHashMap<>();
    private final Map<Character, Flag<?>> byShorthand = new LinkedHashMap<>();

    public FlagSet(List<Flag<?>> flags) {
        this.flags = List.copyOf(flags);
        for (Flag<?> flag : this.flags) {
            if (byName.put(flag.name(), flag) != null) {
                throw new IllegalArgumentException("flag redefined: " + flag.name());
            }
            if (flag.hasShorthand() && byShorthand.put(flag.shorthand(), flag) != null) {
                throw new IllegalArgumentException("shorthand redefined: " + flag.shorthand());
            }
        }
    }

    public List<Flag<?>> flags() {
        return flags;
    }

    /** The flag named {@code --name} or {@code -x}, or null. */
    public Flag<?> find(String word) {
        if (word.startsWith("--")) {
            String name = word.substring(2);
            int eq = name.indexOf('=');
            return byName.get(eq < 0 ? name : name.substring(0, eq));
        }
        if (word.length() >= 2 && word.charAt(0) == '-') {
            return byShorthand.get(word.charAt(1));
        }
        return null;
    }

    /** The words after the command's name, read into flags and the remaining arguments. */
    public record Result(ParsedFlags flags, List<String> args) { }

    public Result parse(List<String> words, boolean interspersed) throws FlagError {
        Map<Flag<?>, List<Object>> raw = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        boolean help = false;
        boolean helpShorthand = false;
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i++);
            if (word.equals("--")) {
                args.addAll(words.subList(i, words.size()));
                break;
            }
            if (!word.startsWith("-") || word.equals("-")) {
                if (!interspersed) {
                    args.add(word);
                    args.addAll(words.subList(i, words.size()));
                    break;
                }
                args.add(word);
                continue;
            }
            if (word.startsWith("--")) {
                String body = word.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                Flag<?> flag = byName.get(name);
                if (flag == null) {
                    if (name.equals("help")) {
                        help = true;
                        continue;
                    }
                    throw new FlagError("unknown flag: --" + name);
                }
                String value;
                if (eq >= 0) {
                    value = body.substring(eq + 1);
                } else if (flag.type().isBool()) {
                    value = "true";
                } else if (i < words.size()) {
                    value = words.get(i++);
                } else {
                    throw new FlagError("flag needs an argument: " + word);
                }
                set(raw, flag, value);
                continue;
            }
            // One or more shorthands: -a, -abc, -n5, -n=5, -n 5
            String cluster = word.substring(1);
            while (!cluster.isEmpty()) {
                char letter = cluster.charAt(0);
                Flag<?> flag = byShorthand.get(letter);
                if (flag == null) {
                    if (letter == 'h') {
                        help = true;
                        helpShorthand = true;
                        cluster = cluster.substring(1);
                        continue;
                    }
                    throw new FlagError("unknown shorthand flag: '" + letter + "' in " + word);
                }
                String value;
                if (cluster.length() > 2 && cluster.charAt(1) == '=') {
                    value = cluster.substring(2);
                    cluster = "";
                } else if (flag.type().isBool()) {
                    value = "true";
                    cluster = cluster.substring(1);
                } else if (cluster.length() > 1) {
                    value = cluster.substring(1);
                    cluster = "";
                } else if (i < words.size()) {
                    value = words.get(i++);
                    cluster = "";
                } else {
                    throw new FlagError("flag needs an argument: '" + letter + "' in " + word);
                }
                set(raw, flag, value);
            }
        }
        Map<Flag<?>, Object> values = new LinkedHashMap<>();
        for (Map.Entry<Flag<?>, List<Object>> entry : raw.entrySet()) {
            values.put(entry.getKey(), entry.getKey().type().collect(entry.getValue()));
        }
        return new Result(new ParsedFlags(values, help, helpShorthand), Collections.unmodifiableList(args));
    }

    private static void set(Map<Flag<?>, List<Object>> raw, Flag<?> flag, String value) throws FlagError {
        Object read;
        try {
            read = flag.type().readOne(value);
        } catch (FlagType.InvalidValue e) {
            throw new FlagError("invalid argument " + FlagType.quote(value) + " for " + FlagType.quote(flag.displayNames())
                    + " flag: " + e.getMessage());
        }
        List<Object> values = raw.computeIfAbsent(flag, f -> new ArrayList<>());
        if (!flag.type().isRepeated()) {
            values.clear();
        }
        values.add(read);
    }
}
