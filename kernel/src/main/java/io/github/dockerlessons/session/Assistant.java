package io.github.dockerlessons.session;

import io.github.dockerlessons.command.core.ArgumentCompleter;
import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.GlobalOptions;
import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.core.HelpText;
import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.NameKind;
import io.github.dockerlessons.command.flags.ValueCompletion;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.script.ScriptException;
import io.github.dockerlessons.script.ScriptParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the notebook asks about a cell while it is being written: completion, inspection (the help of
 * a subcommand or a flag, for Shift-Tab and {@code docker run?}) and whether the cell is complete.
 * It knows nothing of its own about commands: what a command's flags are, what its arguments name
 * and what a flag's value can be all come from the command's {@link CommandSpec}; the names
 * themselves from the engine.
 */
public final class Assistant {
    public enum Completeness { COMPLETE, INCOMPLETE, INVALID }

    /** Replacements for the text between {@code start} and {@code end} (UTF-16 indexes). */
    public record Completion(List<String> matches, int start, int end) { }

    private final CommandRegistry registry;
    private final EngineNames names;
    private final Messages messages;

    Assistant(CommandRegistry registry, EngineNames names, Messages messages) {
        this.registry = registry;
        this.names = names;
        this.messages = messages;
    }

    public Completeness completeness(String code) {
        try {
            ScriptParser.parse(code);
            return Completeness.COMPLETE;
        } catch (ScriptException e) {
            return e.incomplete() ? Completeness.INCOMPLETE : Completeness.INVALID;
        }
    }

    public Completion complete(String code, int at) {
        int start = at;
        while (start > 0 && !isBreak(code.charAt(start - 1))) {
            start--;
        }
        String prefix = code.substring(start, at);
        List<String> before = wordsBefore(code, start);
        Set<String> candidates = new TreeSet<>();
        if (before.isEmpty()) {
            candidates.add("docker");
        } else if (before.get(0).equals("docker")) {
            candidates.addAll(candidatesAfterDocker(before.subList(1, before.size()), prefix));
        }
        List<String> matches = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.startsWith(prefix)) {
                matches.add(candidate);
            }
        }
        return new Completion(matches, start, at);
    }

    private Set<String> candidatesAfterDocker(List<String> typed, String prefix) {
        List<String> words = GlobalOptions.commandWords(typed); // `docker -c node2 ps --<TAB>`
        Set<String> candidates = new TreeSet<>();
        Map<String, Map<String, DockerCommand>> groups = registry.groups();
        if (words.isEmpty()) {
            candidates.addAll(registry.topLevel().keySet());
            candidates.addAll(groups.keySet());
            return candidates;
        }
        if (words.size() == 1 && groups.containsKey(words.get(0)) && !registry.topLevel().containsKey(words.get(0))) {
            candidates.addAll(groups.get(words.get(0)).keySet());
            return candidates;
        }
        Optional<CommandRegistry.Resolved> resolved = registry.resolve(words);
        if (resolved.isEmpty()) {
            return candidates;
        }
        CommandSpec spec = resolved.get().command().spec();
        List<String> rest = resolved.get().rest();
        int eq = prefix.indexOf('=');
        if (prefix.startsWith("--") && eq > 0) {
            Flag<?> flag = spec.flags().find(prefix.substring(0, eq));
            if (flag != null) {
                for (String value : values(flag.completion())) {
                    candidates.add(prefix.substring(0, eq + 1) + value);
                }
            }
            return candidates;
        }
        if (prefix.startsWith("-")) {
            for (Flag<?> flag : HelpText.sorted(spec)) {
                candidates.add("--" + flag.name());
                if (flag.hasShorthand()) {
                    candidates.add("-" + flag.shorthand());
                }
            }
            return candidates;
        }
        // The word before the cursor is a flag that takes a value: complete that value. A command whose flags
        // end at its first argument (compose -f x.yaml logs -f) leaves the later ones to its subcommand.
        if (!rest.isEmpty() && (spec.interspersed() || positionals(spec, rest.subList(0, rest.size() - 1)) == 0)) {
            String last = rest.get(rest.size() - 1);
            Flag<?> flag = last.startsWith("-") && !last.contains("=") ? spec.flags().find(last) : null;
            if (flag != null && !flag.type().isBool() && (last.startsWith("--") || last.length() == 2)) {
                candidates.addAll(values(flag.completion()));
                return candidates;
            }
        }
        NameKind kind = spec.arguments().at(positionals(spec, rest));
        if (kind != null) {
            candidates.addAll(names.of(kind));
        }
        candidates.addAll(ArgumentCompleter.offer(spec, resolved.get().calledAs(), rest));
        return candidates;
    }

    /** How many arguments (not flags or flag values) were typed before the cursor. */
    private static int positionals(CommandSpec spec, List<String> words) {
        int count = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("-") && word.length() > 1 && (spec.interspersed() || count == 0)) {
                Flag<?> flag = spec.flags().find(word);
                boolean takesNext = flag != null && !flag.type().isBool() && !word.contains("=")
                        && (word.startsWith("--") || word.length() == 2);
                if (takesNext) {
                    i++;
                }
                continue;
            }
            count++;
        }
        return count;
    }

    private List<String> values(ValueCompletion completion) {
        List<String> values = new ArrayList<>(completion.words());
        if (completion.names() != null) {
            values.addAll(names.of(completion.names()));
        }
        return values;
    }

    /** Shift-Tab: the help of the subcommand or flag under the cursor. */
    public Optional<String> inspect(String code, int at) {
        int start = at;
        while (start > 0 && !isBreak(code.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < code.length() && !isBreak(code.charAt(end))) {
            end++;
        }
        String word = code.substring(start, end);
        List<String> words = new ArrayList<>(wordsBefore(code, start));
        words.add(word);
        return helpFor(words);
    }

    /** IPython's {@code name?}: a cell that is one docker command followed by a question mark. */
    public Optional<String> pagerHelp(String code) {
        String trimmed = code.strip();
        if (!trimmed.endsWith("?") || trimmed.contains("\n")) {
            return Optional.empty();
        }
        while (trimmed.endsWith("?")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        List<String> words = List.of(trimmed.split("\\s+"));
        if (words.isEmpty() || !words.get(0).equals("docker")) {
            return Optional.empty();
        }
        return helpFor(words);
    }

    private Optional<String> helpFor(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("docker")) {
            return Optional.empty();
        }
        if (words.size() == 1 || words.get(1).isEmpty()) {
            return Optional.of(HelpText.topLevel(registry, messages));
        }
        Optional<CommandRegistry.Resolved> resolved = registry.resolve(
                GlobalOptions.commandWords(words.subList(1, words.size())));
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        CommandSpec spec = resolved.get().command().spec();
        List<String> rest = resolved.get().rest();
        String last = words.get(words.size() - 1);
        if (!rest.isEmpty() && last.startsWith("-")) {
            Flag<?> flag = spec.flags().find(last.contains("=") ? last.substring(0, last.indexOf('=')) : last);
            if (flag != null) {
                String names = (flag.hasShorthand() ? "-" + flag.shorthand() + ", " : "") + "--" + flag.name()
                        + (flag.typeName().isEmpty() ? "" : " " + flag.typeName());
                return Optional.of(resolved.get().calledAs() + " " + names + "   "
                        + HelpText.flagLine(spec, flag, messages));
            }
        }
        return Optional.of(HelpText.of(spec, messages));
    }

    /** The words of the command the cursor is in, before position {@code start}. */
    private static List<String> wordsBefore(String code, int start) {
        int from = start;
        while (from > 0) {
            char c = code.charAt(from - 1);
            if (c == '\n' || c == ';' || c == '&' || c == '`' || c == '(') {
                break;
            }
            from--;
        }
        String segment = code.substring(from, start).strip();
        List<String> words = new ArrayList<>();
        if (!segment.isEmpty()) {
            for (String word : segment.split("\\s+")) {
                words.add(word.replace("\"", "").replace("'", ""));
            }
        }
        return words;
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || ";&|<>()`$\"'".indexOf(c) >= 0;
    }
}
