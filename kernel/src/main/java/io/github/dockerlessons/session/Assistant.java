package io.github.dockerlessons.session;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import io.github.dockerlessons.command.CommandRegistry;
import io.github.dockerlessons.engine.EngineGateway;
import io.github.dockerlessons.i18n.Messages;
import io.github.dockerlessons.script.ScriptException;
import io.github.dockerlessons.script.ScriptParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the notebook asks about a cell while it is being written: completion (subcommands, the flags
 * of the command under the cursor, container and image names from the engine), inspection (the help
 * of a subcommand or a flag, for Shift-Tab and {@code docker run?}) and whether the cell is complete.
 */
public final class Assistant {
    public enum Completeness { COMPLETE, INCOMPLETE, INVALID }

    /** Replacements for the text between {@code start} and {@code end} (UTF-16 indexes). */
    public record Completion(List<String> matches, int start, int end) { }

    private static final Set<String> CONTAINER_ARGUMENTS = Set.of(
            "start", "stop", "kill", "restart", "rm", "exec", "logs", "inspect");
    private static final Set<String> IMAGE_ARGUMENTS = Set.of("run", "create", "rmi", "pull", "images", "inspect");
    /** Commands whose later words belong to the container's command, not to docker. */
    private static final Set<String> FIRST_ARGUMENT_ONLY = Set.of("run", "create", "exec");

    private final CommandRegistry registry;
    private final EngineGateway engine;
    private final Messages messages;

    Assistant(CommandRegistry registry, EngineGateway engine, Messages messages) {
        this.registry = registry;
        this.engine = engine;
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

    private Set<String> candidatesAfterDocker(List<String> words, String prefix) {
        Set<String> candidates = new TreeSet<>();
        if (words.isEmpty()) {
            candidates.addAll(registry.names());
            candidates.addAll(registry.managementGroups().keySet());
            return candidates;
        }
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        if (registry.managementGroups().containsKey(first)) {
            if (rest.isEmpty()) {
                candidates.addAll(registry.managementGroups().get(first));
                return candidates;
            }
            rest = rest.subList(1, rest.size());
        }
        Optional<String> command = registry.resolve(first, words.size() > 1 ? words.get(1) : null);
        if (command.isEmpty()) {
            return candidates;
        }
        String name = command.get();
        if (prefix.startsWith("-")) {
            candidates.addAll(registry.flags(name));
            return candidates;
        }
        long positionals = rest.stream().filter(w -> !w.startsWith("-")).count();
        if (FIRST_ARGUMENT_ONLY.contains(name) && positionals > 0) {
            return candidates;
        }
        if (CONTAINER_ARGUMENTS.contains(name)) {
            candidates.addAll(containerNames());
        }
        if (IMAGE_ARGUMENTS.contains(name)) {
            candidates.addAll(imageNames());
        }
        return candidates;
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
        List<String> before = wordsBefore(code, start);
        List<String> words = new ArrayList<>(before);
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
        if (words.size() == 1) {
            return Optional.of(registry.topLevelHelp(messages));
        }
        List<String> rest = words.subList(1, words.size());
        String first = rest.get(0);
        int consumed = 1;
        Optional<String> command;
        if (registry.managementGroups().containsKey(first) && rest.size() > 1) {
            command = registry.resolve(first, rest.get(1));
            consumed = 2;
        } else {
            command = registry.resolve(first, null);
        }
        if (command.isEmpty()) {
            return Optional.empty();
        }
        String last = words.get(words.size() - 1);
        if (rest.size() > consumed && last.startsWith("-")) {
            Optional<String> flag = registry.flagHelp(command.get(), last, messages);
            if (flag.isPresent()) {
                return flag;
            }
        }
        return Optional.of(registry.help(command.get(), messages));
    }

    private List<String> containerNames() {
        try {
            List<Container> containers = engine.call(c -> c.listContainersCmd().withShowAll(true).exec());
            List<String> names = new ArrayList<>();
            for (Container container : containers) {
                if (container.getNames() != null) {
                    for (String name : container.getNames()) {
                        names.add(name.startsWith("/") ? name.substring(1) : name);
                    }
                }
            }
            return names;
        } catch (Exception e) {
            return List.of(); // no engine: complete what is known without it
        }
    }

    private List<String> imageNames() {
        try {
            List<Image> images = engine.call(c -> c.listImagesCmd().exec());
            List<String> names = new ArrayList<>();
            for (Image image : images) {
                if (image.getRepoTags() != null) {
                    for (String tag : image.getRepoTags()) {
                        if (!tag.startsWith("<none>")) {
                            names.add(tag);
                            names.add(tag.endsWith(":latest") ? tag.substring(0, tag.length() - 7) : tag);
                        }
                    }
                }
            }
            return names;
        } catch (Exception e) {
            return List.of();
        }
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
