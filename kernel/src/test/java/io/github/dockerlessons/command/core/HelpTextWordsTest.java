package io.github.dockerlessons.command.core;

import io.github.dockerlessons.commands.DockerCommands;
import io.github.dockerlessons.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every help the registry can show (docker --help, each group's, each command's) is in words: a
 * message key with no sentence in a bundle showed itself ("group.swarm.description" in docker --help).
 */
class HelpTextWordsTest {
    /** What a key looks like when it is shown instead of its sentence. */
    private static final Pattern KEY = Pattern.compile("\\b(?:group|cmd|opt|help|hint|error)\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)+\\b");

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void noHelpShowsAMessageKey(String language) {
        Messages messages = new Messages(Locale.forLanguageTag(language));
        CommandRegistry registry = DockerCommands.registry();
        List<String> keys = new ArrayList<>();
        collect(keys, "docker --help", HelpText.topLevel(registry, messages));
        for (Map.Entry<String, Map<String, DockerCommand>> group : registry.groups().entrySet()) {
            collect(keys, "docker " + group.getKey(), HelpText.group(group.getKey(), group.getValue(), messages));
        }
        for (DockerCommand command : registry.commands()) {
            collect(keys, command.spec().usage(), HelpText.of(command.spec(), messages));
        }
        assertEquals(List.of(), keys);
    }

    private static void collect(List<String> keys, String where, String text) {
        Matcher found = KEY.matcher(text);
        while (found.find()) {
            keys.add(where + ": " + found.group());
        }
    }
}
