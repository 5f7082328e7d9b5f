package io.github.dockerlessons.command.golden;

import io.github.dockerlessons.command.core.CommandRegistry;
import io.github.dockerlessons.command.core.DockerCommand;
import io.github.dockerlessons.commands.DockerCommands;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command class under command/ is run by a golden test with no engine (issue 22), so the next
 * command cannot land untested. A class is covered when a golden file is named after one of the paths
 * the registry calls it by ({@code compose up} as {@code compose-up-<case>.golden}): the golden tests
 * name their files so. A class the registry does not know is reported too.
 */
class EveryCommandHasGoldenTest {
    private static final Path SOURCES = Path.of("src/main/java/io/github/dockerlessons/command");

    @Test
    void everyCommandClassHasAGoldenFile() throws Exception {
        Map<Class<?>, Set<String>> paths = pathsByClass(DockerCommands.registry());
        Set<String> goldens;
        try (Stream<Path> files = Files.list(Golden.DIR)) {
            goldens = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".golden"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<Class<?>> classes = commandClasses();
        assertTrue(classes.size() > 60, "found only " + classes.size() + " command classes under " + SOURCES);
        List<String> untested = new ArrayList<>();
        for (Class<?> type : classes) {
            Set<String> called = paths.getOrDefault(type, Set.of());
            boolean covered = called.stream().map(p -> p.replace(' ', '-')).anyMatch(p -> goldens.stream()
                    .anyMatch(g -> g.startsWith(p + "-") || g.equals(p + ".golden")));
            if (!covered) {
                untested.add(type.getSimpleName() + (called.isEmpty() ? " (not in the registry)" : " " + called));
            }
        }
        assertEquals(List.of(), untested, "command classes with no golden file (golden/<path>-<case>.golden)");
    }

    /** The concrete DockerCommand classes in the source tree under command/. */
    private static List<Class<?>> commandClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Command.java")).sorted().toList()) {
                String name = "io.github.dockerlessons.command." + SOURCES.relativize(file).toString()
                        .replace(".java", "").replace('/', '.');
                Class<?> type = Class.forName(name);
                if (DockerCommand.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    private static Map<Class<?>, Set<String>> pathsByClass(CommandRegistry registry) {
        Map<Class<?>, Set<String>> paths = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        registry.topLevel().forEach((name, command) ->
                paths.computeIfAbsent(command.getClass(), c -> new TreeSet<>()).add(name));
        registry.groups().forEach((group, commands) -> commands.forEach((name, command) ->
                paths.computeIfAbsent(command.getClass(), c -> new TreeSet<>()).add(group + " " + name)));
        return paths;
    }
}
