package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.Flag;
import io.github.dockerlessons.command.flags.FlagSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a command declares about itself, once: its path after "docker" ({@code ps},
 * {@code volume ls}), the CLI's usage line word for word, the aliases its help lists, its flags,
 * how many arguments it takes and what they name (for completion), and whether its flags end at its
 * first argument. Help, completion, inspection and parsing all read this one declaration, so they can
 * never disagree with each other. Messages live under {@code cmd.<path>.description} and
 * {@code opt.<path>.<flag>} in the bundles.
 *
 * @param path         the words after "docker" ({@code [volume, ls]})
 * @param usage        the CLI's usage line, word for word
 * @param aliases      the aliases its help lists
 * @param arity        how many arguments it takes
 * @param arguments    what its arguments name, for completion
 * @param interspersed false for commands whose flags end at the first argument ({@code run IMAGE ls -la})
 */
public record CommandSpec(List<String> path, String usage, List<String> aliases, FlagSet flags, Arity arity,
                          Arguments arguments, boolean interspersed) {
    public CommandSpec {
        path = List.copyOf(path);
        aliases = List.copyOf(aliases);
    }

    /** A command at {@code path} ("ps", "volume ls") with the CLI's usage line. */
    public static Builder command(String path, String usage) {
        return new Builder(List.of(path.split(" ")), usage);
    }

    /** "ps", "volume ls". */
    public String pathText() {
        return String.join(" ", path);
    }

    /** The last word of the path: what the command is called inside its group. */
    public String name() {
        return path.get(path.size() - 1);
    }

    /** The bundle key of the one-line description. */
    public String descriptionKey() {
        return "cmd." + String.join(".", path) + ".description";
    }

    /** The bundle key of a flag's description. */
    public String flagKey(Flag<?> flag) {
        return "opt." + String.join(".", path) + "." + flag.name();
    }

    public static final class Builder {
        private final List<String> path;
        private final String usage;
        private List<String> aliases = List.of();
        private final List<Flag<?>> flags = new ArrayList<>();
        private Arity arity = Arity.none();
        private Arguments arguments = Arguments.none();
        private boolean interspersed = true;

        private Builder(List<String> path, String usage) {
            this.path = path;
            this.usage = usage;
        }

        public Builder aliases(String... names) {
            this.aliases = List.of(names);
            return this;
        }

        public Builder flags(Flag<?>... more) {
            flags.addAll(List.of(more));
            return this;
        }

        public Builder flags(List<Flag<?>> more) {
            flags.addAll(more);
            return this;
        }

        public Builder arity(Arity value) {
            this.arity = value;
            return this;
        }

        public Builder arguments(Arguments value) {
            this.arguments = value;
            return this;
        }

        /**
         * How many arguments the command takes and what they name, on one line, as cobra's
         * {@code Args} and {@code ValidArgsFunction} stand side by side (a command that takes none
         * declares neither: that is the default).
         */
        public Builder takes(Arity count, Arguments names) {
            return arity(count).arguments(names);
        }

        /** Flags end at the first argument: what follows belongs to the container's command. */
        public Builder flagsEndAtFirstArgument() {
            this.interspersed = false;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(path, usage, aliases, new FlagSet(flags), arity, arguments, interspersed);
        }
    }
}
