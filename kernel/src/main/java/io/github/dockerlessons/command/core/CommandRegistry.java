package io.github.dockerlessons.command.core;

import io.github.dockerlessons.command.flags.FlagError;
import io.github.dockerlessons.command.flags.FlagSet;
import io.github.dockerlessons.engine.DaemonError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The docker commands the kernel knows, by the words that call them: {@code ps}, and the same
 * command as {@code container ls}; {@code volume ls}. Built once and never changed, it holds no lock
 * and no per-run state: {@link #dispatch} reads a fresh {@link Invocation} and hands it to the
 * command, so two cells (or a cell and a live panel) can run commands at the same time.
 */
public final class CommandRegistry {
    /** A management group ({@code container}, {@code volume}) and the usage its errors show. */
    private record Group(String name, String errorUsage, Map<String, DockerCommand> subcommands,
                         Map<String, DockerCommand> listed) { }

    private final Map<String, DockerCommand> topLevel;
    private final Map<String, Group> groups;

    private CommandRegistry(Map<String, DockerCommand> topLevel, Map<String, Group> groups) {
        this.topLevel = topLevel;
        this.groups = groups;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A command found from the words typed, the words that named it, and the words after them. */
    public record Resolved(DockerCommand command, String calledAs, List<String> rest) { }

    /** The command that {@code argv} (the words after "docker") calls, if any. */
    public Optional<Resolved> resolve(List<String> argv) {
        if (argv.isEmpty()) {
            return Optional.empty();
        }
        String first = argv.get(0);
        Group group = groups.get(first);
        if (group != null && argv.size() > 1 && group.subcommands().containsKey(argv.get(1))) {
            return Optional.of(new Resolved(group.subcommands().get(argv.get(1)), "docker " + first + " " + argv.get(1),
                    argv.subList(2, argv.size())));
        }
        DockerCommand command = topLevel.get(first);
        return command == null ? Optional.empty()
                : Optional.of(new Resolved(command, "docker " + first, argv.subList(1, argv.size())));
    }

    /** Runs {@code docker ARGV...} (argv without the leading "docker"). */
    public void dispatch(List<String> argv, CommandContext ctx) throws DockerError, InterruptedException {
        if (argv.isEmpty() || (argv.size() == 1 && (argv.get(0).equals("--help") || argv.get(0).equals("help")))) {
            ctx.console().out(HelpText.topLevel(this, ctx.messages()));
            return;
        }
        Optional<Resolved> found = resolve(argv);
        if (found.isEmpty()) {
            Group group = topLevel.containsKey(argv.get(0)) ? null : groups.get(argv.get(0));
            if (group != null && (argv.size() == 1 || argv.get(1).equals("--help"))) {
                ctx.console().out(HelpText.group(group.name(), group.listed(), ctx.messages()));
                return;
            }
            throw unknown(argv, group);
        }
        Resolved resolved = found.get();
        CommandSpec spec = resolved.command().spec();
        Invocation invocation;
        try {
            FlagSet.Result parsed = spec.flags().parse(resolved.rest(), spec.interspersed());
            invocation = new Invocation(resolved.calledAs(), spec, parsed.flags(), parsed.args());
        } catch (FlagError e) {
            throw new DockerError(125, e.getMessage() + "\n\nUsage:  " + spec.usage() + "\n\nRun '" + resolved.calledAs()
                    + " --help' for more information", "hint.see.help", resolved.calledAs());
        }
        if (invocation.flags().helpRequested()) {
            if (invocation.flags().deprecatedHelpShorthand()) {
                ctx.console().err("Flag shorthand -h has been deprecated, use --help\n");
            }
            ctx.console().out(HelpText.of(spec, ctx.messages()));
            return;
        }
        String complaint = spec.arity().complaint(resolved.calledAs(), invocation.args().size());
        if (complaint != null) {
            throw new DockerError(1, complaint + "\n\nUsage:  " + spec.usage() + "\n\n"
                    + spec.arity().closing(resolved.calledAs()), "hint.see.help", resolved.calledAs());
        }
        try {
            resolved.command().run(invocation, ctx.calledAs(resolved.calledAs()));
        } catch (DaemonError e) {
            throw DockerError.daemon(e); // a refusal the command did not handle is its failure, as the CLI prints it
        }
    }

    private static DockerError unknown(List<String> argv, Group group) {
        if (group != null) {
            return new DockerError(1, "docker: unknown command: docker " + argv.get(0) + " " + argv.get(1)
                    + "\n\nUsage:  " + group.errorUsage() + "\n\nRun 'docker " + group.name()
                    + " --help' for more information", "hint.unknown.command", argv.get(1));
        }
        return new DockerError(1, "docker: unknown command: docker " + argv.get(0)
                + "\n\nRun 'docker --help' for more information", "hint.unknown.command", argv.get(0));
    }

    /** The commands called as {@code docker NAME}, by name. */
    public Map<String, DockerCommand> topLevel() {
        return topLevel;
    }

    /** The management groups and, per group, each subcommand its help lists (aliases such as "list" left out). */
    public Map<String, Map<String, DockerCommand>> groups() {
        Map<String, Map<String, DockerCommand>> all = new TreeMap<>();
        groups.forEach((name, group) -> all.put(name, group.listed()));
        return Collections.unmodifiableMap(all);
    }

    /** Every distinct command, once (for warm-up and tests). */
    public List<DockerCommand> commands() {
        List<DockerCommand> all = new ArrayList<>();
        topLevel.values().forEach(c -> addOnce(all, c));
        groups.values().forEach(g -> g.subcommands().values().forEach(c -> addOnce(all, c)));
        return all;
    }

    private static void addOnce(List<DockerCommand> all, DockerCommand command) {
        if (!all.contains(command)) {
            all.add(command);
        }
    }

    public static final class Builder {
        private final Map<String, DockerCommand> topLevel = new TreeMap<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();

        /** A command at the path its spec declares ({@code ps}, or {@code volume ls} in its group). */
        public Builder add(DockerCommand command) {
            return at(command.spec().pathText(), command);
        }

        /** The same command also at another path ({@code container ls} for ps), listed in the group's help. */
        public Builder at(String path, DockerCommand command) {
            return put(path, command, true);
        }

        /** Another name that calls a command ({@code container list}), not listed in help. */
        public Builder alias(String path, DockerCommand command) {
            return put(path, command, false);
        }

        private Builder put(String path, DockerCommand command, boolean listed) {
            String[] words = path.split(" ");
            if (words.length == 1) {
                topLevel.put(words[0], command);
            } else {
                Group group = groups.computeIfAbsent(words[0],
                        g -> new Group(g, "docker " + g, new TreeMap<>(), new TreeMap<>()));
                group.subcommands().put(words[1], command);
                if (listed) {
                    group.listed().put(words[1], command);
                }
            }
            return this;
        }

        /** The command already added at {@code path}, to add it under another name too. */
        public DockerCommand built(String path) {
            String[] words = path.split(" ");
            DockerCommand found = words.length == 1 ? topLevel.get(words[0])
                    : groups.containsKey(words[0]) ? groups.get(words[0]).subcommands().get(words[1]) : null;
            if (found == null) {
                throw new IllegalArgumentException("no command at " + path);
            }
            return found;
        }

        /** The usage line the group's "unknown command" error shows (docker volume's differs). */
        public Builder groupUsage(String group, String usage) {
            Group old = groups.computeIfAbsent(group, g -> new Group(g, usage, new TreeMap<>(), new TreeMap<>()));
            groups.put(group, new Group(group, usage, old.subcommands(), old.listed()));
            return this;
        }

        public CommandRegistry build() {
            Map<String, Group> frozen = new LinkedHashMap<>();
            groups.forEach((name, g) -> frozen.put(name, new Group(name, g.errorUsage(),
                    Collections.unmodifiableMap(new TreeMap<>(g.subcommands())),
                    Collections.unmodifiableMap(new TreeMap<>(g.listed())))));
            return new CommandRegistry(Collections.unmodifiableMap(new TreeMap<>(topLevel)),
                    Collections.unmodifiableMap(frozen));
        }
    }
}
