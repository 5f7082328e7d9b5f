package io.github.dockerlessons.commands;

import io.github.dockerlessons.command.core.CommandSpec;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.command.flags.Flag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every word a command's help shows is in both languages: each command's description and each
 * flag's, and the two bundles hold the same keys. No command is called by an internal name.
 */
class CommandBundlesTest {
    private static Properties bundle(String language) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = CommandBundlesTest.class.getResourceAsStream(
                "/io/github/dockerlessons/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyCommandAndFlagIsDescribedInKoreanAndEnglish() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String language : List.of("ko", "en")) {
            Properties words = bundle(language);
            for (DockerCommand command : DockerCommands.registry().commands()) {
                CommandSpec spec = command.spec();
                if (!words.containsKey(spec.descriptionKey())) {
                    missing.add(language + ": " + spec.descriptionKey());
                }
                for (Flag<?> flag : spec.flags().flags()) {
                    if (!flag.isHidden() && !words.containsKey(spec.flagKey(flag))) {
                        missing.add(language + ": " + spec.flagKey(flag));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theBundlesHoldTheSameKeys() throws Exception {
        Set<String> korean = bundle("ko").stringPropertyNames();
        Set<String> english = bundle("en").stringPropertyNames();
        List<String> onlyOne = new ArrayList<>();
        korean.stream().filter(k -> !english.contains(k)).forEach(k -> onlyOne.add("ko only: " + k));
        english.stream().filter(k -> !korean.contains(k)).forEach(k -> onlyOne.add("en only: " + k));
        assertEquals(List.of(), onlyOne);
    }

    @Test
    void commandsAreCalledByTheirPathNeverByAnInternalName() {
        for (DockerCommand command : DockerCommands.registry().commands()) {
            CommandSpec spec = command.spec();
            assertFalse(spec.pathText().contains("."), spec.pathText());
            assertTrue(spec.usage().startsWith("docker " + spec.pathText()), spec.usage());
        }
    }
}
