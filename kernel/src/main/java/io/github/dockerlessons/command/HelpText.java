package io.github.dockerlessons.command;

import io.github.dockerlessons.i18n.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Help in the docker CLI's layout: the usage line word for word, the description, the aliases and
 * the option table, with descriptions in the reader's language. The options come from the picocli
 * model of the command, so the help can never list a flag the command does not take.
 */
public final class HelpText {
    private HelpText() {
    }

    public static String of(DockerCommand command, CommandSpec spec, Messages messages) {
        StringBuilder out = new StringBuilder();
        out.append("Usage:  ").append(command.usage()).append("\n\n");
        out.append(messages.get("cmd." + command.name() + ".description")).append("\n\n");
        if (!command.aliases().isEmpty()) {
            out.append("Aliases:\n  ").append(String.join(", ", command.aliases())).append("\n\n");
        }
        List<String[]> rows = new ArrayList<>();
        List<OptionSpec> options = new ArrayList<>(spec.options());
        options.sort(Comparator.comparing(HelpText::longName));
        for (OptionSpec option : options) {
            if (option.usageHelp() || option.hidden()) {
                continue;
            }
            String shortName = shortName(option);
            String names = (shortName == null ? "      " : "  " + shortName + ", ") + longName(option);
            String type = option.typeInfo().isBoolean() ? "" : option.paramLabel();
            if (!type.isEmpty()) {
                names += " " + type;
            }
            String key = "opt." + command.name() + "." + longName(option).substring(2);
            rows.add(new String[]{names, messages.get(key)});
        }
        if (!rows.isEmpty()) {
            int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 3;
            out.append(messages.get("help.options")).append('\n');
            for (String[] row : rows) {
                out.append(row[0]).append(" ".repeat(width - row[0].length())).append(row[1]).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code docker} or {@code docker --help}: the commands this kernel knows. */
    public static String topLevel(List<DockerCommand> commands, java.util.Set<String> groups, Messages messages) {
        StringBuilder out = new StringBuilder("Usage:  docker [OPTIONS] COMMAND\n\n");
        out.append(messages.get("help.top.description")).append("\n\n");
        int width = Math.max(commands.stream().mapToInt(c -> c.name().length()).max().orElse(0),
                groups.stream().mapToInt(String::length).max().orElse(0)) + 3;
        out.append(messages.get("help.management")).append('\n');
        for (String group : new java.util.TreeSet<>(groups)) {
            out.append("  ").append(group).append(" ".repeat(width - group.length()))
                    .append(messages.get("group." + group + ".description")).append('\n');
        }
        out.append('\n').append(messages.get("help.commands")).append('\n');
        for (DockerCommand command : commands) {
            out.append("  ").append(command.name()).append(" ".repeat(width - command.name().length()))
                    .append(messages.get("cmd." + command.name() + ".description")).append('\n');
        }
        out.append('\n').append(messages.get("help.top.more")).append('\n');
        return out.toString();
    }

    /** {@code docker volume}: the group's usage and its subcommands. */
    static String group(String group, java.util.Set<String> subcommands, CommandRegistry registry, Messages messages) {
        StringBuilder out = new StringBuilder("Usage:  docker " + group + " COMMAND\n\n");
        out.append(messages.get("group." + group + ".description")).append("\n\n");
        out.append(messages.get("help.commands")).append('\n');
        int width = subcommands.stream().mapToInt(String::length).max().orElse(0) + 3;
        for (String sub : new java.util.TreeSet<>(subcommands)) {
            String target = registry.resolve(group, sub).orElse(sub);
            out.append("  ").append(sub).append(" ".repeat(width - sub.length()))
                    .append(messages.get("cmd." + target + ".description")).append('\n');
        }
        out.append("\nRun 'docker ").append(group).append(" COMMAND --help' for more information on a command.\n");
        return out.toString();
    }

    static String shortName(OptionSpec option) {
        for (String name : option.names()) {
            if (name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-') {
                return name;
            }
        }
        return null;
    }

    static String longName(OptionSpec option) {
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                return name;
            }
        }
        return option.longestName();
    }
}
