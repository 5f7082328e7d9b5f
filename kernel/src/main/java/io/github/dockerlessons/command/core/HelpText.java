package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.i18n.Messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Help in the docker CLI's layout: the usage line word for word, the description, the aliases and
 * the option table, with descriptions in the reader's language. Everything comes from the command's
 * {@link CommandSpec}, so the help can never list a flag the command does not take.
 */
public final class HelpText {
    private HelpText() {
    }

    public static String of(CommandSpec spec, Messages messages) {
        StringBuilder out = new StringBuilder();
        out.append("Usage:  ").append(spec.usage()).append("\n\n");
        out.append(messages.get(spec.descriptionKey())).append("\n\n");
        if (!spec.aliases().isEmpty()) {
            out.append("Aliases:\n  ").append(String.join(", ", spec.aliases())).append("\n\n");
        }
        List<String[]> rows = new ArrayList<>();
        for (Flag<?> flag : sorted(spec)) {
            String names = (flag.hasShorthand() ? "  -" + flag.shorthand() + ", " : "      ") + "--" + flag.name();
            if (!flag.typeName().isEmpty()) {
                names += " " + flag.typeName();
            }
            rows.add(new String[]{names, flagLine(spec, flag, messages)});
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

    /** One flag's description, with its default as the CLI states it. */
    public static String flagLine(CommandSpec spec, Flag<?> flag, Messages messages) {
        String text = messages.get(spec.flagKey(flag));
        return flag.defaultShown() == null ? text : text + " (default " + flag.defaultShown() + ")";
    }

    /** The flags help lists, in the CLI's order (by long name). */
    public static List<Flag<?>> sorted(CommandSpec spec) {
        List<Flag<?>> flags = new ArrayList<>();
        for (Flag<?> flag : spec.flags().flags()) {
            if (!flag.isHidden()) {
                flags.add(flag);
            }
        }
        flags.sort(Comparator.comparing(Flag::name));
        return flags;
    }

    /** {@code docker} or {@code docker --help}: the commands this kernel knows. */
    public static String topLevel(CommandRegistry registry, Messages messages) {
        StringBuilder out = new StringBuilder("Usage:  docker [OPTIONS] COMMAND\n\n");
        out.append(messages.get("help.top.description")).append("\n\n");
        int width = 0;
        for (String name : registry.topLevel().keySet()) {
            width = Math.max(width, name.length());
        }
        for (String group : registry.groups().keySet()) {
            width = Math.max(width, group.length());
        }
        width += 3;
        out.append(messages.get("help.management")).append('\n');
        for (String group : registry.groups().keySet()) {
            if (registry.topLevel().containsKey(group)) {
                continue;
            }
            out.append("  ").append(group).append(" ".repeat(width - group.length()))
                    .append(messages.get("group." + group + ".description")).append('\n');
        }
        out.append('\n').append(messages.get("help.commands")).append('\n');
        for (Map.Entry<String, DockerCommand> entry : registry.topLevel().entrySet()) {
            out.append("  ").append(entry.getKey()).append(" ".repeat(width - entry.getKey().length()))
                    .append(messages.get(entry.getValue().spec().descriptionKey())).append('\n');
        }
        out.append('\n').append(messages.get("help.top.more")).append('\n');
        return out.toString();
    }

    /** {@code docker volume}: the group's usage and its subcommands. */
    static String group(String group, Map<String, DockerCommand> subcommands, Messages messages) {
        StringBuilder out = new StringBuilder("Usage:  docker " + group + " COMMAND\n\n");
        out.append(messages.get("group." + group + ".description")).append("\n\n");
        out.append(messages.get("help.commands")).append('\n');
        int width = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0) + 3;
        for (Map.Entry<String, DockerCommand> entry : subcommands.entrySet()) {
            out.append("  ").append(entry.getKey()).append(" ".repeat(width - entry.getKey().length()))
                    .append(messages.get(entry.getValue().spec().descriptionKey())).append('\n');
        }
        out.append("\nRun 'docker ").append(group).append(" COMMAND --help' for more information on a command.\n");
        return out.toString();
    }
}
